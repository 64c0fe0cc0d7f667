using System.Reflection;
using System.Runtime.InteropServices;

namespace Hirekit.Data.Connections;

/// <summary>
/// Chooses the native SQLite library once per process: the operating system's libsqlite3 when it
/// is present (security updates arrive with the OS), otherwise the copy bundled with
/// SQLitePCLRaw. Must run before the first SQLite call.
/// </summary>
public static class SqliteNative
{
    private static readonly object Gate = new();
    private static string? _source;

    /// <summary>"system" or "bundled", after <see cref="Initialize"/>.</summary>
    public static string Source => _source ?? "uninitialised";

    public static void Initialize()
    {
        lock (Gate)
        {
            if (_source is not null)
            {
                return;
            }

            var system = TryLoadSystemLibrary();
            if (system != IntPtr.Zero)
            {
                var provider = typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly;
                NativeLibrary.SetDllImportResolver(provider, (name, _, _) => name == "e_sqlite3" ? system : IntPtr.Zero);
            }

            SQLitePCL.Batteries_V2.Init();
            _source = system != IntPtr.Zero ? "system" : "bundled";
        }
    }

    private static IntPtr TryLoadSystemLibrary()
    {
        if (Environment.GetEnvironmentVariable("HIREKIT_SQLITE_BUNDLED") == "1" || !OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in new[] { "libsqlite3.so.0", "libsqlite3.so" })
        {
            if (NativeLibrary.TryLoad(candidate, Assembly.GetExecutingAssembly(), DllImportSearchPath.SafeDirectories, out var handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
