using System.Reflection;
using System.Runtime.InteropServices;

namespace Hirekit.Data.Connections;

/// <summary>
/// Chooses the native SQLite library once per process: the operating system's libsqlite3 when it
/// is present (security updates arrive with the OS), otherwise the copy bundled with
/// SQLitePCLRaw. Must run before the first SQLite call.
/// It also configures the library for a server (ADR 21): no global memory statistics, whose
/// process-wide mutex is taken on every allocation and made concurrent readers run one at a time
/// on the system library, and multi-thread mode, since a connection is only ever used by one
/// thread at a time (ADO.NET connections are not shared; the pool hands each to one caller).
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
            ConfigureForServer();
            _source = system != IntPtr.Zero ? "system" : "bundled";
        }
    }

    private static void ConfigureForServer()
    {
        // sqlite3_config is only allowed while the library is not initialised; nothing has
        // opened a connection yet (this runs first, under the lock), so shutdown is a no-op
        // apart from making the calls below legal even if a provider initialised it eagerly.
        const int ConfigMultiThread = 2;
        const int ConfigMemStatus = 9;
        SQLitePCL.raw.sqlite3_shutdown();
        Check(SQLitePCL.raw.sqlite3_config(ConfigMultiThread), "multi-thread mode");
        Check(SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0), "memory statistics off");
        Check(SQLitePCL.raw.sqlite3_initialize(), "initialise");

        static void Check(int rc, string what)
        {
            if (rc != SQLitePCL.raw.SQLITE_OK)
            {
                throw new InvalidOperationException($"SQLite configuration failed ({what}): error {rc}.");
            }
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
