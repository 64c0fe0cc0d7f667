using Hirekit.Core.Candidates;

namespace Hirekit.Data.Files;

/// <summary>
/// Files under <c>&lt;DataDirectory&gt;/files/&lt;organisation&gt;/&lt;file id&gt;</c>: outside the web root,
/// named by ids (never by user input), written to a temporary name first so a crash never leaves a
/// half-written file under the real key.
/// </summary>
public sealed class FileSystemStorage(string root) : IFileStorage
{
    public async Task<string> SaveAsync(Guid organizationId, Guid fileId, byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = $"{organizationId:N}/{fileId:N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        await File.WriteAllBytesAsync(temporary, content, ct);
        File.Move(temporary, path, overwrite: true);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string storageKey, CancellationToken ct)
    {
        var path = PathOf(storageKey);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    public Task DeleteAsync(string storageKey, CancellationToken ct)
    {
        var path = PathOf(storageKey);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys are produced here only; anything else (a path trick) is refused.</summary>
    private string PathOf(string key)
    {
        if (key is not { Length: 65 } || key[32] != '/' || !key.Remove(32, 1).All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a storage key.", nameof(key));
        }

        return Path.Combine(root, key[..32], key[33..]);
    }
}
