using Hirekit.Core.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hirekit.Web.Pages.Interviews;

/// <summary>Puts a scheduling use case's errors on the schedule form's fields (its "startsAt" is the form's "Start").</summary>
public static class ScheduleErrors
{
    public static void Add(ModelStateDictionary modelState, Error error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(error);
        if (error.Fields is not { Count: > 0 } fields)
        {
            modelState.AddModelError(string.Empty, error.Message);
            return;
        }

        foreach (var (field, messages) in fields)
        {
            var name = field == "startsAt" ? "Start" : char.ToUpperInvariant(field[0]) + field[1..];
            foreach (var message in messages)
            {
                modelState.AddModelError($"{prefix}.{name}", message);
            }
        }
    }
}
