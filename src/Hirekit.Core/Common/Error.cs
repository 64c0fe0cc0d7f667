namespace Hirekit.Core.Common;

/// <summary>What kind of failure an <see cref="Error"/> is; the web layer maps it to a status code.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unprocessable,
    Unauthorized,

    /// <summary>The body is in a format the operation does not read.</summary>
    UnsupportedMediaType,

    /// <summary>The body exceeds the operation's size limit.</summary>
    TooLarge,
}

/// <summary>
/// A failure a caller can act on. <see cref="Code"/> is stable and machine-readable
/// (e.g. <c>user.email_taken</c>); <see cref="Message"/> is for people and may change.
/// <see cref="Fields"/> names the request fields at fault, when there are any.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Error NotFound(string code, string message = "The resource does not exist.") => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error Unprocessable(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Unprocessable, code, message, fields);

    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]>? fields = null) =>
        new(ErrorKind.Validation, code, message, fields);

    public static Error Validation(string field, string message) =>
        new(ErrorKind.Validation, "request.invalid", message, new Dictionary<string, string[]> { [field] = [message] });
}
