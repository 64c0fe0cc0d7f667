using System.Reflection;
using Hirekit.Core.Common;

namespace Hirekit.Core.Tests.Architecture;

/// <summary>References point one way: Web and Cli use Core and Data; Data uses Core; Core uses neither ASP.NET nor ADO.NET.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Core = typeof(Actor).Assembly;

    [Fact]
    public void Core_ReferencesNoWebAndNoDatabaseAssembly()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "System.Data", "Dapper", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Hirekit.Data", "Hirekit.Web"];

        var offenders = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Core_UsesNoTypeFromADONet()
    {
        var leaking = Core.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType)
                .Concat(t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))))
            .Where(type => type.Namespace?.StartsWith("System.Data", StringComparison.Ordinal) == true)
            .Distinct()
            .ToList();

        Assert.Empty(leaking);
    }

    [Fact]
    public void Data_DoesNotReferenceTheWebHost()
    {
        var data = typeof(Hirekit.Data.HirekitDataServices).Assembly;

        Assert.DoesNotContain(data.GetReferencedAssemblies(), a => a.Name is "Hirekit.Web" or "hirekit" || a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
