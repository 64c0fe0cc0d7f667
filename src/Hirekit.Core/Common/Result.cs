namespace Hirekit.Core.Common;

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/> the caller can act on.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failed result is a programming error.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"Result failed with {Error!.Code}.");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

#pragma warning disable CA2225 // Implicit conversions are the point: use cases return values or errors directly.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
#pragma warning restore CA2225
}

/// <summary>A value for use cases whose success carries nothing.</summary>
public readonly record struct Unit
{
    public static Unit Value => default;
}
