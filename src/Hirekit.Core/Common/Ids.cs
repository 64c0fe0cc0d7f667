namespace Hirekit.Core.Common;

/// <summary>New identifiers are UUIDv7: time-ordered (index friendly) and unique across nodes.</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
