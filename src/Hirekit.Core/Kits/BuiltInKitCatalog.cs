using System.Security.Cryptography;
using System.Text;
using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Kits;

/// <summary>A kit with its canonical document (the export format) and that document's SHA-256.</summary>
public sealed record KitDocument(Kit Kit, string Document, string ContentHash)
{
    public static KitDocument From(Kit kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var document = KitWriter.ToYaml(kit);
        return new KitDocument(kit, document, Hash(document));
    }

    public static string Hash(string document) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));
}

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
        var kits = new List<KitDocument>();
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

                kits.Add(KitDocument.From(result.Kit!));
            }
        }

        Kits = kits;
    }

    /// <summary>Where the shipped kits are read from, by default <c>content/kits</c> in the application's directory.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "content", "kits");

    public string Directory { get; }

    public IReadOnlyList<KitDocument> Kits { get; }
}
