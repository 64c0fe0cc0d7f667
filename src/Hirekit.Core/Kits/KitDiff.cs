using System.Collections;
using System.Globalization;
using System.Reflection;
using Hirekit.Core.Common;

namespace Hirekit.Core.Kits;

public enum ChangeType
{
    Added,
    Removed,
    Changed,
    Moved,
}

/// <summary>
/// One changed field. Scalars carry <see cref="Before"/> and <see cref="After"/>; lists carry the
/// items that went (<see cref="Removed"/>) and came (<see cref="Added"/>).
/// </summary>
public sealed record FieldChange(string Field, string? Before, string? After, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

public sealed record KitChange(string Section, string ItemId, string ItemLabel, ChangeType Type, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// What changed between two versions of a kit, item by item (matched by id) and field by field.
/// Generic over the kit records, so a new field of the format shows up without code here.
/// </summary>
public static class KitDiff
{
    public static IReadOnlyList<KitChange> Compare(Kit before, Kit after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<KitChange>();
        Single(changes, "kit", "kit", before.Info.Name, before.Info, after.Info);
        Keyed(changes, "rounds", before.Rounds, after.Rounds, r => r.Id, r => r.Name);
        Keyed(changes, "specialisations", before.Specialisations, after.Specialisations, s => s.Id, s => s.Name);
        Keyed(changes, "areas", before.Areas, after.Areas, a => a.Id, a => a.Name, skip: nameof(CompetencyArea.Competencies));
        Keyed(changes, "competencies", Competencies(before), Competencies(after), c => c.Competency.Id, c => c.Competency.Name);
        Keyed(changes, "traits", before.Traits, after.Traits, t => t.Id, t => t.Name);
        Keyed(changes, "questions", before.Questions, after.Questions, q => q.Id, q => q.Title);
        Keyed(changes, "exercises", before.Exercises, after.Exercises, e => e.Id, e => e.Title);
        Single(changes, "written_screen", "written_screen", "Written screen", before.WrittenScreen, after.WrittenScreen);
        Keyed(changes, "role_intake", before.RoleIntake, after.RoleIntake, q => q.Id, q => q.Prompt);
        Single(changes, "job_description", "job_description", "Job description guidance", before.JobDescription, after.JobDescription);
        Keyed(changes, "loop_templates", before.LoopTemplates, after.LoopTemplates, t => t.Id, t => t.Name);
        Single(changes, "resume_flags", "resume_flags", "Resume flags", before.ResumeFlags, after.ResumeFlags);
        Single(changes, "red_flags", "red_flags", "Red flags", before.RedFlags, after.RedFlags);
        Keyed(changes, "hiring_mistakes", before.HiringMistakes, after.HiringMistakes, m => m.Id, m => m.Title);
        Keyed(changes, "glossary", before.Glossary, after.Glossary, g => g.Term, g => g.Term);
        Single(changes, "compensation", "compensation", "Compensation", before.Compensation, after.Compensation);
        Single(changes, "onboarding", "onboarding", "Onboarding plan", before.Onboarding, after.Onboarding);
        if (!before.Synonyms.Equals(after.Synonyms))
        {
            changes.Add(new KitChange("synonyms", "synonyms", "Synonyms", ChangeType.Changed, [ListChange("groups", before.Synonyms, after.Synonyms)]));
        }

        return changes;
    }

    /// <summary>A competency with its area, so moving one between areas shows as a change of <c>area</c>.</summary>
    private sealed record AreaCompetency(string Area, Competency Competency);

    private static List<AreaCompetency> Competencies(Kit kit) =>
        kit.Areas.SelectMany(a => a.Competencies.Select(c => new AreaCompetency(a.Id, c))).ToList();

    private static void Single<T>(List<KitChange> changes, string section, string id, string label, T? before, T? after)
        where T : class
    {
        if (before is null && after is null)
        {
            return;
        }

        if (before is null || after is null)
        {
            changes.Add(new KitChange(section, id, label, before is null ? ChangeType.Added : ChangeType.Removed, []));
            return;
        }

        var fields = Fields(before, after, "", null);
        if (fields.Count > 0)
        {
            changes.Add(new KitChange(section, id, label, ChangeType.Changed, fields));
        }
    }

    private static void Keyed<T>(List<KitChange> changes, string section, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> label, string? skip = null)
        where T : class
    {
        var beforeKeys = before.Select(key).ToList();
        var afterKeys = after.Select(key).ToList();
        var common = beforeKeys.Intersect(afterKeys).ToList();
        var beforeOrder = beforeKeys.Where(common.Contains).ToList();
        var afterOrder = afterKeys.Where(common.Contains).ToList();
        foreach (var item in after)
        {
            var id = key(item);
            var old = before.FirstOrDefault(b => key(b) == id);
            if (old is null)
            {
                changes.Add(new KitChange(section, id, label(item), ChangeType.Added, []));
                continue;
            }

            var fields = Fields(old, item, "", skip);
            var moved = beforeOrder.IndexOf(id) != afterOrder.IndexOf(id);
            if (fields.Count > 0)
            {
                changes.Add(new KitChange(section, id, label(item), ChangeType.Changed, fields));
            }
            else if (moved)
            {
                changes.Add(new KitChange(section, id, label(item), ChangeType.Moved, []));
            }
        }

        foreach (var item in before.Where(b => !afterKeys.Contains(key(b))))
        {
            changes.Add(new KitChange(section, key(item), label(item), ChangeType.Removed, []));
        }
    }

    private static List<FieldChange> Fields(object before, object after, string prefix, string? skip)
    {
        var fields = new List<FieldChange>();
        foreach (var property in before.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == skip || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var a = property.GetValue(before);
            var b = property.GetValue(after);
            if (Equals(a, b))
            {
                continue;
            }

            var name = prefix + Snake(property.Name);
            if (a is IEnumerable listA and not string && b is IEnumerable listB and not string)
            {
                var itemsA = listA.Cast<object?>().ToList();
                var itemsB = listB.Cast<object?>().ToList();
                if (itemsA.Concat(itemsB).FirstOrDefault(i => i is not null) is { } sample && IdOf(sample) is not null)
                {
                    fields.AddRange(KeyedFields(name, itemsA!, itemsB!));
                }
                else
                {
                    fields.Add(ListChange(name, itemsA, itemsB));
                }
            }
            else if (a is not null && b is not null && IsRecord(a.GetType()))
            {
                fields.AddRange(Fields(a, b, name + ".", null));
            }
            else
            {
                fields.Add(new FieldChange(name, Text(a), Text(b), [], []));
            }
        }

        return fields;
    }

    private static IEnumerable<FieldChange> KeyedFields(string name, List<object> before, List<object> after)
    {
        var beforeIds = before.Select(IdOf).ToList();
        var afterIds = after.Select(IdOf).ToList();
        var removed = before.Where(i => !afterIds.Contains(IdOf(i))).Select(Text).ToList();
        var added = after.Where(i => !beforeIds.Contains(IdOf(i))).Select(Text).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            yield return new FieldChange(name, null, null, removed!, added!);
        }

        foreach (var item in after)
        {
            var old = before.FirstOrDefault(i => IdOf(i) == IdOf(item));
            if (old is not null && !Equals(old, item))
            {
                foreach (var change in Fields(old, item, $"{name}[{IdOf(item)}].", null))
                {
                    yield return change;
                }
            }
        }
    }

    private static FieldChange ListChange(string name, IEnumerable<object?> before, IEnumerable<object?> after)
    {
        var a = before.Select(Text).ToList();
        var b = after.Select(Text).ToList();
        var removed = a.Where(x => !b.Contains(x)).ToList();
        var added = b.Where(x => !a.Contains(x)).ToList();
        return removed.Count == 0 && added.Count == 0
            ? new FieldChange(name, "(same items, new order)", null, [], [])
            : new FieldChange(name, null, null, removed!, added!);
    }

    /// <summary>The identity of a list item: its Id, its Text (indicators), or its Term (glossary).</summary>
    private static string? IdOf(object? item) =>
        item is null ? null : (item.GetType().GetProperty("Id") ?? item.GetType().GetProperty("Text") ?? item.GetType().GetProperty("Term"))?.GetValue(item) as string;

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        Level l => l.Code(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Text)),
        _ when IdOf(value) is { } id && value.GetType().GetProperty("Text")?.GetValue(value) is string text && id == text => text,
        _ when IdOf(value) is { } id => id,
        _ => value.ToString(),
    };

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}

/// <summary>What changed between two versions of a kit the actor can read.</summary>
public sealed class DiffKitVersions(GetKitVersion getVersion)
{
    public sealed record Response(KitView From, KitView To, IReadOnlyList<KitChange> Changes);

    public async Task<Result<Response>> HandleAsync(Actor actor, Guid kitId, int from, int to, CancellationToken ct)
    {
        var a = await getVersion.HandleAsync(actor, new GetKitVersion.Request(kitId, from), ct);
        if (!a.IsSuccess)
        {
            return a.Error!;
        }

        var b = await getVersion.HandleAsync(actor, new GetKitVersion.Request(kitId, to), ct);
        return b.IsSuccess ? new Response(a.Value, b.Value, KitDiff.Compare(a.Value.Kit, b.Value.Kit)) : b.Error!;
    }
}
