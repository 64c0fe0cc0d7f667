using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Hirekit.Testing;

/// <summary>Creates hiring data through the public API, as an integration would: kits, jobs, candidates, applications.</summary>
public static class ApiSeed
{
    public static async Task<Guid> BuiltInKitIdAsync(HttpClient api) =>
        JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/kits", UriKind.Relative))).RootElement.EnumerateArray().Single(k => k.GetProperty("origin").GetString() == "builtin").GetProperty("id").GetGuid();

    /// <summary>A job on the built-in kit from a complete role intake; the answer of POST /api/v1/jobs.</summary>
    public static async Task<JsonElement> CreateJobAsync(HttpClient api, string title, string level)
    {
        var kitId = await BuiltInKitIdAsync(api);
        var response = await api.PostAsJsonAsync("/api/v1/jobs", new
        {
            kitId,
            title,
            targetLevel = level,
            location = "Berlin",
            locationCode = "DE",
            remote = false,
            employmentType = "FULL_TIME",
            compensationRegion = "western-europe",
            intake = new Dictionary<string, string>
            {
                ["primary-stack"] = "Go 1.23 with PostgreSQL 16",
                ["distributed-or-monolith"] = "distributed",
                ["database-workload"] = "write-heavy",
                ["api-ownership"] = "owns-contract",
                ["deployment-model"] = "kubernetes",
                ["greenfield-or-legacy"] = "legacy",
                ["expected-seniority"] = level == "mid" ? "feature-developer" : "system-designer",
            },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<(Guid JobId, List<Guid> Stages)> JobWithLoopAsync(HttpClient api)
    {
        var created = await CreateJobAsync(api, $"Pipeline job {Guid.NewGuid():N}", "senior");
        var stages = created.GetProperty("loop").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        return (created.GetProperty("job").GetProperty("id").GetGuid(), stages);
    }

    public static async Task<Guid> CreateCandidateAsync(HttpClient api, string name, string? email = null, string? resumeText = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/candidates", new { name, email = email ?? $"{Guid.NewGuid():N}@example.test", resumeText });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ApplyAsync(HttpClient api, Guid candidateId, Guid jobId)
    {
        var application = await api.PostAsJsonAsync("/api/v1/applications", new { candidateId, jobId });
        Assert.True(application.StatusCode == HttpStatusCode.Created, await application.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await application.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
