using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Hirekit.Testing;

/// <summary>
/// Puts the server's own exception into the reason phrase of a test server's 5xx response, so a
/// failed status assertion names the cause (a CI log shows the response, not the server log).
/// The exception is the first one logged while the request ran, found through an async-local box
/// that <see cref="LogCapture"/> fills.
/// </summary>
internal sealed class ServerErrorReason : IStartupFilter
{
    private static readonly AsyncLocal<StrongBox<string?>> Current = new();

    /// <summary>Called by <see cref="LogCapture"/> for every logged exception.</summary>
    public static void Logged(Exception exception)
    {
        if (Current.Value is { Value: null } box)
        {
            box.Value = $"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ");
        }
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            var box = new StrongBox<string?>();
            Current.Value = box;
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode >= 500 && box.Value is { } error && context.Features.Get<IHttpResponseFeature>() is { } response)
                {
                    response.ReasonPhrase = error.Length > 300 ? error[..300] : error;
                }

                return Task.CompletedTask;
            });
            await inner(context);
        });
        next(app);
    };
}
