namespace Hirekit.Web.Tests.Conventions;

/// <summary>
/// The hand-written stylesheet grows by appended sections from several branches; one lost brace
/// silently moves every later rule into a media query (it happened once: everything after it only
/// applied in print). These checks make that a failing test.
/// </summary>
public sealed class StylesheetTests
{
    private static readonly string Css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Hirekit.Web", "wwwroot", "css", "site.css"));

    [Fact]
    public void Braces_Balance_AndNeverCloseMoreThanTheyOpened()
    {
        var depth = 0;
        foreach (var c in WithoutComments(Css))
        {
            depth += c switch { '{' => 1, '}' => -1, _ => 0 };
            Assert.True(depth >= 0, "a '}' closes nothing");
        }

        Assert.Equal(0, depth);
    }

    [Fact]
    public void TopLevelSelectors_AreNotIndented()
    {
        // Outside a block, an indented line means the author believed it was inside one.
        var depth = 0;
        foreach (var line in WithoutComments(Css).Split('\n'))
        {
            if (depth == 0 && line.StartsWith(' ') && line.Trim().Length > 0)
            {
                Assert.Fail($"Indented rule at the top level: {line.Trim()}");
            }

            depth += line.Count(c => c == '{') - line.Count(c => c == '}');
        }
    }

    [Fact]
    public void NoMergeMarkersAreLeft() =>
        Assert.DoesNotMatch(@"(?m)^(<<<<<<<|=======|>>>>>>>)", Css);

    private static string WithoutComments(string css) => System.Text.RegularExpressions.Regex.Replace(css, @"/\*.*?\*/", "", System.Text.RegularExpressions.RegexOptions.Singleline);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hirekit.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
