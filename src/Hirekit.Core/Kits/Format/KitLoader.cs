namespace Hirekit.Core.Kits.Format;

/// <summary>
/// Loads hiring kits in the <c>hirekit-kit/1</c> format (docs/kit-format.md): reads and merges
/// the files, checks every rule and returns either a valid <see cref="Kit"/> with no problems or
/// no kit and every problem found, each with file, line, column and field path. Never throws for
/// bad content or unreadable files; only programming errors (null arguments) throw. Problems
/// about a file or folder as a whole (missing, unreadable) have line and column 0.
/// </summary>
public static class KitLoader
{
    public const string FileExtension = ".yaml";

    /// <summary>
    /// Every *.yaml under the directory (recursive), merged in ordinal order of relative path
    /// ('/' separators); problem File values are paths relative to the directory.
    /// </summary>
    public static KitLoadResult LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            return Failed(directory, "the kit directory does not exist");
        }

        var paths = Directory.EnumerateFiles(directory, "*" + FileExtension, SearchOption.AllDirectories)
            .Where(path => path.EndsWith(FileExtension, StringComparison.Ordinal))
            .Select(path => (FileName: Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .OrderBy(file => file.FileName, StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            return Failed(directory, $"the kit directory holds no *{FileExtension} file");
        }

        var files = new List<(string FileName, string Yaml)>(paths.Count);
        foreach (var (fileName, path) in paths)
        {
            if (Read(path, fileName, out var yaml) is { } failure)
            {
                return failure;
            }

            files.Add((fileName, yaml));
        }

        return Parse(files);
    }

    /// <summary>A single file (the export format), File = file name.</summary>
    public static KitLoadResult LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Failed(fileName, "the file does not exist");
        }

        return Read(path, fileName, out var yaml) ?? Parse(yaml, fileName);
    }

    /// <summary>Parses documents already in memory (tests, uploads, the API). fileName is used in problems.</summary>
    public static KitLoadResult Parse(string yaml, string fileName = "kit.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return Parse([(fileName, yaml)]);
    }

    /// <summary>
    /// Parses several files of one kit, merged in the order given (<see cref="LoadDirectory"/>
    /// passes them in ordinal path order). When a file cannot be parsed, the other files are still
    /// checked on their own, but rules that need the whole kit (references, duplicates, required
    /// sections) are skipped, as they would only repeat the syntax error in other words.
    /// </summary>
    public static KitLoadResult Parse(IReadOnlyList<(string FileName, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            return Failed("", "no kit file was given");
        }

        var context = new LoadContext();
        var reader = new KitReader(context);
        foreach (var (fileName, yaml) in files)
        {
            reader.ReadFile(fileName, yaml ?? "");
        }

        var kit = reader.Build();
        if (!reader.HasUnreadableFile)
        {
            new KitValidator(kit, context).Validate();
        }

        var problems = context.Problems.ToSortedList();
        return new KitLoadResult(problems.Count == 0 ? kit : null, problems);
    }

    /// <summary>Reads a file as UTF-8 (a BOM is allowed); returns the failed result when it cannot be read, else null.</summary>
    private static KitLoadResult? Read(string path, string fileName, out string yaml)
    {
        try
        {
            yaml = File.ReadAllText(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yaml = "";
            return Failed(fileName, $"the file cannot be read: {e.Message}");
        }
    }

    private static KitLoadResult Failed(string file, string message) => new(null, [new KitProblem(file, 0, 0, "", message)]);
}
