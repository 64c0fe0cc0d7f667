using Hirekit.Core.Audit;
using Hirekit.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Pages.Admin;

public sealed class AuditModel(ListAuditEvents list) : HirekitPageModel
{
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public Guid? Next { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Before { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Actor, new ListAuditEvents.Request(Before, 50), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Events = result.Value.Items;
        Next = result.Value.Next;
        return Page();
    }
}
