using System.Diagnostics;
using Hirekit.Data.Connections;
using Microsoft.Extensions.Options;

namespace Hirekit.Web.Hosting;

/// <summary>
/// Per-request plumbing: security headers, SQL command counting, and one structured log line per
/// request that names the route pattern, never the raw path (paths can carry secret link tokens).
/// </summary>
public sealed class RequestMiddleware(RequestDelegate next, IOptions<HirekitWebOptions> options, ILogger<RequestMiddleware> logger)
{
    public const string QueryCountHeader = "X-Hirekit-Queries";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        using var queries = QueryCounter.Begin();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            if (options.Value.Diagnostics.QueryCountHeader)
            {
                headers[QueryCountHeader] = queries.Counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });

        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            logger.LogInformation(
                "HTTP {Method} {Route} answered {Status} in {ElapsedMs:0.0} ms with {Queries} queries",
                context.Request.Method,
                route,
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                queries.Counter.Count);
        }
    }
}
