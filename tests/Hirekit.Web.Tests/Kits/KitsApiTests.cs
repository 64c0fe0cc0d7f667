using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hirekit.Core.Accounts;
using Hirekit.Testing;
using Hirekit.Web.Tests.Api;
using static Hirekit.Testing.QueryCounts;

namespace Hirekit.Web.Tests.Kits;

public sealed class KitsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HirekitApp App => fixture.App;

    [Fact]
    public async Task ANewOrganization_SeesTheBuiltInKitWithItsFullContent()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Interviewer)));

        using var list = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/kits", UriKind.Relative)));
        var kit = list.RootElement.EnumerateArray().Single();
        using var full = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/kits/{kit.GetProperty("id").GetGuid()}", UriKind.Relative)));
        var content = full.RootElement.GetProperty("content");

        Assert.Equal(("backend-developer", "builtin", true), (kit.GetProperty("slug").GetString(), kit.GetProperty("origin").GetString(), kit.GetProperty("readOnly").GetBoolean()));
        Assert.Equal(3, content.GetProperty("areas").GetArrayLength());
        Assert.True(content.GetProperty("questions").GetArrayLength() >= 70);
        Assert.Equal("senior", content.GetProperty("questions")[0].GetProperty("levels").EnumerateArray().Select(l => l.GetString()).First(l => l == "senior"));
    }

    [Fact]
    public async Task KitContent_CostsAFixedNumberOfQueriesWhateverTheKitSize()
    {
        var editor = await App.NewOrganizationAsync(Role.HiringManager);
        var api = App.Api(await App.TokenForAsync(editor));
        var builtIn = await BuiltInIdAsync(api);
        var small = await ImportAsync(api, SmallKitYaml("tiny-kit"));
        await GetAsync(api, $"/api/v1/kits/{builtIn}"); // warm the document cache for both
        await GetAsync(api, $"/api/v1/kits/{small}");

        var large = Queries(await api.GetAsync(new Uri($"/api/v1/kits/{builtIn}", UriKind.Relative)));
        var tiny = Queries(await api.GetAsync(new Uri($"/api/v1/kits/{small}", UriKind.Relative)));

        Assert.Equal(large, tiny);
        Assert.InRange(large, 1, 6);
    }

    [Fact]
    public async Task ForkEditPublish_OverTheApi_MakesVersionTwoAndLeavesVersionOneImmutable()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Recruiter)));
        var builtIn = await BuiltInIdAsync(api);

        var fork = await api.PostAsJsonAsync($"/api/v1/kits/{builtIn}/fork", new { name = "Acme Backend" });
        var forkId = JsonDocument.Parse(await fork.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var trait = await api.PutAsJsonAsync($"/api/v1/kits/{forkId}/draft/traits/learning", new { name = "Learning", definition = "Learns what the next problem needs, quickly and on purpose." });
        var etag = trait.Headers.ETag!.Tag;
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/kits/{forkId}/draft/traits/ownership") { Content = JsonContent.Create(new { name = "Ownership", definition = "x" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"not-the-current-hash\"");
        var staleResponse = await api.SendAsync(stale);
        var publish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kits/{forkId}/publish");
        publish.Headers.TryAddWithoutValidation("If-Match", etag);
        var published = await api.SendAsync(publish);
        var editV1 = await api.PutAsync(new Uri($"/api/v1/kits/{forkId}/versions/1", UriKind.Relative), new StringContent("format: hirekit-kit/1", Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Created, fork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trait.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleResponse.StatusCode);
        Assert.Equal("kit.draft_changed", (await ApiTokenAuthTests.Problem(staleResponse)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, editV1.StatusCode);
        Assert.Equal("kit.version_published", (await ApiTokenAuthTests.Problem(editV1)).GetProperty("code").GetString());
        var v1 = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/kits/{forkId}/versions/1", UriKind.Relative))).RootElement;
        Assert.NotEqual("Learns what the next problem needs, quickly and on purpose.", v1.GetProperty("content").GetProperty("traits").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "learning").GetProperty("definition").GetString());
        var diff = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/kits/{forkId}/diff?from=1&to=2", UriKind.Relative))).RootElement;
        Assert.Equal("traits", diff[0].GetProperty("section").GetString());
    }

    [Fact]
    public async Task SaveQuestion_WithTooFewIndicators_Answers400NamingTheField()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.Admin)));
        var forkId = await ForkAsync(api);

        var response = await api.PutAsJsonAsync($"/api/v1/kits/{forkId}/draft/questions/new-question", new
        {
            kind = "competency",
            competency = "performance",
            levels = new[] { "mid" },
            round = "peer-technical",
            title = "A new question",
            prompt = "Tell me about a latency regression you found.",
            positive = new[] { new { text = "Names a profiler", cues = new[] { "profiler" } } },
            negative = Array.Empty<object>(),
            followUps = new[] { "Why?", "What next?" },
        });
        var problem = await ApiTokenAuthTests.Problem(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("kit.invalid", problem.GetProperty("code").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.EndsWith(".positive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Interviewers_ReadButCannotForkEditOrImport()
    {
        var admin = await App.NewOrganizationAsync();
        var api = App.Api(await App.TokenForAsync(await App.AddMemberAsync(admin.OrganizationId, Role.Interviewer)));
        var builtIn = await BuiltInIdAsync(api);

        var fork = await api.PostAsJsonAsync($"/api/v1/kits/{builtIn}/fork", new { });
        var import = await api.PostAsync(new Uri("/api/v1/kits/import", UriKind.Relative), new StringContent(SmallKitYaml("x"), Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.Forbidden, fork.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }

    [Fact]
    public async Task EditingTheBuiltInKit_Answers409ReadOnly()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var builtIn = await BuiltInIdAsync(api);

        var response = await api.PutAsJsonAsync($"/api/v1/kits/{builtIn}/draft/traits/learning", new { name = "Learning", definition = "Changed." });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("kit.read_only", (await ApiTokenAuthTests.Problem(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task ImportingInvalidYaml_Answers400WithLineAndColumn()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        var response = await api.PostAsync(new Uri("/api/v1/kits/import", UriKind.Relative), new StringContent("format: hirekit-kit/1\nkit:\n  slug: [oops\n", Encoding.UTF8, "application/yaml"));
        var problem = await ApiTokenAuthTests.Problem(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"kit\.yaml:\d+:\d+", problem.GetProperty("detail").GetString());
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Value[0].GetString()!.StartsWith("line ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportThenImport_RoundTripsThroughTheApi()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var builtIn = await BuiltInIdAsync(api);

        var export = await api.GetAsync(new Uri($"/api/v1/kits/{builtIn}/export?version=1", UriKind.Relative));
        var yaml = (await export.Content.ReadAsStringAsync()).Replace("slug: backend-developer", "slug: backend-copy", StringComparison.Ordinal);
        var imported = await ImportAsync(api, yaml);
        var reexport = await api.GetStringAsync(new Uri($"/api/v1/kits/{imported}/export", UriKind.Relative));

        Assert.Equal("application/yaml", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(yaml, reexport);
    }

    [Fact]
    public async Task ImportOfAnotherMediaType_Answers415()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));

        var response = await api.PostAsJsonAsync("/api/v1/kits/import", new { kit = "nope" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task QuestionSearch_FiltersAndRetirement()
    {
        var api = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync(Role.HiringManager)));
        var builtIn = await BuiltInIdAsync(api);

        var hits = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/questions?q=outbox&kind=competency&level=senior&pageSize=5", UriKind.Relative))).RootElement;
        var first = hits.GetProperty("items")[0].GetProperty("key").GetString();
        var retire = await api.PostAsync(new Uri($"/api/v1/kits/{builtIn}/questions/{first}/retire", UriKind.Relative), null);
        var after = await api.GetStringAsync(new Uri("/api/v1/questions?q=outbox&kind=competency&level=senior&pageSize=50", UriKind.Relative));
        var badLevel = await api.GetAsync(new Uri("/api/v1/questions?level=guru", UriKind.Relative));
        var question = JsonDocument.Parse(await api.GetStringAsync(new Uri($"/api/v1/kits/{builtIn}/questions/{first}", UriKind.Relative))).RootElement;

        Assert.All(hits.GetProperty("items").EnumerateArray(), h => Assert.Contains("senior", h.GetProperty("levels").EnumerateArray().Select(l => l.GetString())));
        Assert.Equal(HttpStatusCode.NoContent, retire.StatusCode);
        Assert.DoesNotContain($"\"{first}\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.True(question.GetProperty("retired").GetBoolean());
        Assert.True(question.GetProperty("question").GetProperty("positive").GetArrayLength() >= 4);
    }

    [Fact]
    public async Task KitsOfAnotherOrganization_AreNotFound()
    {
        var apiA = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var apiB = App.Api(await App.TokenForAsync(await App.NewOrganizationAsync()));
        var kitOfA = await BuiltInIdAsync(apiA);

        foreach (var path in new[] { $"/api/v1/kits/{kitOfA}", $"/api/v1/kits/{kitOfA}/versions/1", $"/api/v1/kits/{kitOfA}/export", $"/api/v1/kits/{kitOfA}/questions/tech-slow-query" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await apiB.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await apiB.PostAsJsonAsync($"/api/v1/kits/{kitOfA}/fork", new { })).StatusCode);
    }

    internal static Task<Guid> BuiltInIdAsync(HttpClient api) => ApiSeed.BuiltInKitIdAsync(api);

    internal static async Task<Guid> ForkAsync(HttpClient api)
    {
        var fork = await api.PostAsJsonAsync($"/api/v1/kits/{await BuiltInIdAsync(api)}/fork", new { });
        return JsonDocument.Parse(await fork.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    internal static async Task<Guid> ImportAsync(HttpClient api, string yaml)
    {
        var response = await api.PostAsync(new Uri("/api/v1/kits/import", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("kit").GetProperty("id").GetGuid();
    }

    /// <summary>A minimal valid kit: one area, one competency, one question.</summary>
    internal static string SmallKitYaml(string slug) => $$"""
        format: hirekit-kit/1
        kit:
          slug: {{slug}}
          name: Tiny kit
          summary: A kit with one question.
          overview: Small on purpose.
          public: false
        rounds:
          - id: peer
            name: Peer
            stage_kind: technical
            description: A peer interview.
        areas:
          - id: core
            name: Core
            description: The only area.
            competencies:
              - id: apis
                name: APIs
                definition: Designing APIs.
                descriptors:
                  junior: Uses APIs.
                  mid: Builds APIs.
                  senior: Designs APIs.
                  principal: Sets API standards.
                topics: [HTTP semantics, Versioning]
        questions:
          - id: q1
            kind: competency
            competency: apis
            levels: [mid]
            round: peer
            title: An API you changed
            prompt: Tell me about an API contract you changed.
            positive:
              - {text: Names the consumers, cues: [consumer]}
              - {text: Versioned the change, cues: [version]}
              - {text: Measured adoption, cues: [adoption]}
              - {text: Planned deprecation, cues: [deprecate]}
            negative:
              - {text: Broke clients}
              - {text: No versioning}
              - {text: No communication}
              - {text: No rollback}
            follow_ups: [Who used it?, How did you roll out?]
            model_answer: Consumers first, then versioning.
        """;

    private static async Task GetAsync(HttpClient api, string path) => (await api.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();

}
