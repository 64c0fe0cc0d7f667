using Hirekit.Core.Common;
using Hirekit.Core.Jobs;
using Hirekit.Core.Kits;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Jobs;

/// <summary>
/// Common ground of the pages of one job. Loading goes through <see cref="JobAccess"/>: a job the
/// member may not see is "not found" (never "forbidden", which would confirm it exists), and a
/// write by someone who may only read it is "forbidden".
/// </summary>
public abstract class JobPageModel(JobAccess access) : HirekitPageModel
{
    public JobContext Context { get; private set; } = null!;

    public Job Job => Context.Job;

    public Kit Kit => Context.Kit;

    /// <summary>True for admins, recruiters and the job's hiring managers; the page offers its forms and buttons only to them.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Loads the job for reading; null when the member may see it, else the answer to give.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid jobId, CancellationToken ct)
    {
        var editable = await access.EditableAsync(Actor, jobId, ct);
        if (editable.IsSuccess)
        {
            (Context, CanEdit) = (editable.Value, true);
            return null;
        }

        if (editable.Error!.Kind != ErrorKind.Forbidden)
        {
            return NotFound();
        }

        var visible = await access.VisibleAsync(Actor, jobId, ct);
        if (!visible.IsSuccess)
        {
            return NotFound();
        }

        (Context, CanEdit) = (visible.Value, false);
        return null;
    }

    /// <summary>Loads the job for a write; null when the member may change it, else 404 or 403.</summary>
    protected async Task<IActionResult?> LoadForEditAsync(Guid jobId, CancellationToken ct)
    {
        var editable = await access.EditableAsync(Actor, jobId, ct);
        if (!editable.IsSuccess)
        {
            return JobRefusal(editable.Error!) ?? NotFound();
        }

        (Context, CanEdit) = (editable.Value, true);
        return null;
    }

    /// <summary>The page's answer to an access error of a use case: 404 for what the member cannot see, 403 for what they may only read.</summary>
    protected IActionResult? JobRefusal(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ErrorKind.NotFound when error.Code == JobAccess.NotFound.Code => NotFound(),
            ErrorKind.Forbidden => Forbid(),
            _ => null,
        };
    }

    /// <summary>The messages of a form field, joined, or null when it has none.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
