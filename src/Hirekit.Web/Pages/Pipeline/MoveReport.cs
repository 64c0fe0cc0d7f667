using System.Globalization;
using System.Text;

namespace Hirekit.Web.Pages.Pipeline;

/// <summary>
/// What a board move post did to each application it named: how many moved, and how many did not
/// with each distinct reason, in the words the recruiter reads in the flash or the error summary.
/// </summary>
public sealed class MoveReport
{
    private readonly List<Guid> moved = [];
    private readonly List<string> failed = [];

    public IReadOnlyList<Guid> Moved => moved;

    public int FailedCount => failed.Count;

    public void Succeeded(Guid applicationId) => moved.Add(applicationId);

    public void Failed(string reason) => failed.Add(reason);

    /// <summary>
    /// "Moved 3." then, when some did not move, their number per reason, the most common first:
    /// "Moved 1. 2 not moved: The application is rejected; it cannot move any more."
    /// </summary>
    public string Summary()
    {
        var text = new StringBuilder();
        if (moved.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Moved {moved.Count}.");
        }

        foreach (var group in failed.GroupBy(reason => reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            text.Append(text.Length > 0 ? " " : "").Append(CultureInfo.InvariantCulture, $"{group.Count()} not moved: {group.Key}");
        }

        return text.ToString();
    }
}
