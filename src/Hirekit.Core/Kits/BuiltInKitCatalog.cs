using System.Security.Cryptography;
using System.Text;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>A kit shipped with the product, with its canonical document and that document's hash.</summary>
public sealed record BuiltInKit(Kit Kit, string Document, string ContentHash);

/// <summary>
/// The kits shipped with the product: every folder under <c>content/kits/</c> next to the
/// application. They are validated when the catalog is built; an invalid shipped kit stops the
/// program with every problem listed, because it is a release defect, not user input.
/// </summary>
public sealed class BuiltInKitCatalog
{
    public BuiltInKitCatalog(string directory)
    {
        Directory = directory;
        var kits = new List<BuiltInKit>();
        if (System.IO.Directory.Exists(directory))
        {
            foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                var result = KitLoader.LoadDirectory(folder);
                if (!result.IsValid)
                {
                    throw new InvalidOperationException(
                        $"The built-in kit in {folder} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Problems)}");
                }

                var document = KitWriter.ToYaml(result.Kit!);
                kits.Add(new BuiltInKit(result.Kit!, document, Hash(document)));
            }
        }

        Kits = kits;
    }

    /// <summary>Where the shipped kits are read from, by default <c>content/kits</c> in the application's directory.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "content", "kits");

    public string Directory { get; }

    public IReadOnlyList<BuiltInKit> Kits { get; }

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}
