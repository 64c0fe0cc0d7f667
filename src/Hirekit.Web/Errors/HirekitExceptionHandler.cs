using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hirekit.Web.Errors;

/// <summary>
/// The last line for the API: a malformed request becomes a 4xx problem that says what is wrong;
/// anything unexpected becomes a 500 with a trace id and nothing from the exception.
/// Pages fall through to the friendly error page.
/// </summary>
public sealed class HirekitExceptionHandler(IProblemDetailsService problems, ILogger<HirekitExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is BadHttpRequestException bad)
        {
            var status = bad.StatusCode;
            var (code, detail) = Describe(bad, status);
            logger.LogInformation("Rejected a malformed request with {Status} ({Code})", status, code);
            httpContext.Response.StatusCode = status;
            var badProblem = new ProblemDetails { Status = status, Title = Problems.TitleOf(status), Detail = detail };
            badProblem.Extensions["code"] = code;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = badProblem, Exception = exception });
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        logger.LogError(exception, "Unhandled exception for {Method} {Route}", httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = Problems.TitleOf(500),
            Detail = "The server failed to complete the request. Quote the trace id when reporting it.",
        };
        problem.Extensions["code"] = "server.error";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static (string Code, string Detail) Describe(BadHttpRequestException exception, int status)
    {
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            return ("request.too_large", "The request body is larger than this endpoint accepts.");
        }

        if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("request.unsupported_media_type", "Send the body as application/json.");
        }

        return exception.InnerException switch
        {
            JsonException json when json.Path is { Length: > 0 } path => ("request.invalid_json", $"The JSON body is malformed or has a wrong type at '{path}'."),
            JsonException => ("request.invalid_json", "The JSON body is malformed."),
            _ => ("request.invalid", exception.Message),
        };
    }
}
