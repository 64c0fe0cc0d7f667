using Hirekit.Core.Audit;
using Hirekit.Core.Common;

namespace Hirekit.Core.Settings;

/// <summary>Who may read other interviewers' submitted scorecards of an application (see <see cref="Scorecards.ScorecardVisibility"/>).</summary>
public static class ScorecardVisibilities
{
    public const string Never = "never";
    public const string Always = "always";
    public const string AfterOwnSubmission = "after_submit";

    public static readonly IReadOnlyList<string> All = [AfterOwnSubmission, Never, Always];
}

/// <summary>
/// Settings an admin chooses for the whole organisation. <see cref="TimeZone"/> is the IANA zone
/// in which pages show and read interview times; instants are stored in UTC regardless.
/// </summary>
public sealed record OrganizationSettings(string TimeZone, string ScorecardVisibility)
{
    public static readonly OrganizationSettings Default = new("UTC", ScorecardVisibilities.AfterOwnSubmission);

    public TimeZoneInfo Zone => TimeZones.Find(TimeZone);
}

public interface IOrganizationSettingsStore
{
    /// <summary>The organisation's settings, or <see cref="OrganizationSettings.Default"/> when none were saved.</summary>
    Task<OrganizationSettings> GetAsync(Guid organizationId, CancellationToken ct);

    Task SaveAsync(Guid organizationId, OrganizationSettings settings, DateTimeOffset now, AuditEntry audit, CancellationToken ct);
}

/// <summary>IANA time zones as the operating system knows them.</summary>
public static class TimeZones
{
    public static bool IsKnown(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    /// <summary>The zone, or UTC when the system no longer knows it (a tzdata change must not break pages).</summary>
    public static TimeZoneInfo Find(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Every IANA zone id the system knows, sorted, for pickers.</summary>
    public static IReadOnlyList<string> Known() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id).Append("UTC").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant; a time skipped by a DST jump moves forward by the gap.</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}

public sealed class GetOrganizationSettings(IOrganizationSettingsStore settings)
{
    public Task<OrganizationSettings> HandleAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return settings.GetAsync(actor.OrganizationId, ct);
    }
}

/// <summary>Admins change the organisation's settings; the change is audited.</summary>
public sealed class UpdateOrganizationSettings(IOrganizationSettingsStore settings, TimeProvider time)
{
    public sealed record Request(string? TimeZone, string? ScorecardVisibility);

    public async Task<Result<OrganizationSettings>> HandleAsync(Actor actor, Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!actor.IsAdmin)
        {
            return Error.Forbidden("settings.forbidden", "Only admins change the organisation's settings.");
        }

        var current = await settings.GetAsync(actor.OrganizationId, ct);
        var next = new OrganizationSettings(request.TimeZone?.Trim() ?? current.TimeZone, request.ScorecardVisibility?.Trim() ?? current.ScorecardVisibility);
        var fields = new Dictionary<string, string[]>();
        if (!TimeZones.IsKnown(next.TimeZone))
        {
            fields["timeZone"] = ["Use an IANA time zone such as Europe/Berlin or America/New_York."];
        }

        if (!ScorecardVisibilities.All.Contains(next.ScorecardVisibility))
        {
            fields["scorecardVisibility"] = [$"Choose one of {string.Join(", ", ScorecardVisibilities.All)}."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation("settings.invalid", "Some settings need attention.", fields);
        }

        var now = time.GetUtcNow();
        await settings.SaveAsync(actor.OrganizationId, next, now, AuditEntry.For(actor, "settings.changed", "organization", actor.OrganizationId, now, $"time zone {next.TimeZone}, scorecards {next.ScorecardVisibility}"), ct);
        return next;
    }
}
