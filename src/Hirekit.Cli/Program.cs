namespace Hirekit.Cli;

internal static class Entry
{
    public static Task<int> Main(string[] args) =>
        HirekitCli.RunAsync(args, Console.In, Console.Out, Console.Error, Console.IsInputRedirected);
}
