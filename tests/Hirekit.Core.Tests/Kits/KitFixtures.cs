using Hirekit.Core.Kits.Format;

namespace Hirekit.Core.Tests.Kits;

/// <summary>A small valid kit in two files, and helpers to break it on purpose and locate text in it.</summary>
internal static class KitFixtures
{
    public const string KitFile = "kit.yaml";

    public const string QuestionsFile = "questions/core.yaml";

    public const string KitYaml = """
        format: hirekit-kit/1

        kit:
          slug: test-kit
          name: Test kit
          summary: A small kit used by the tests.
          overview: |
            What the role does.

            Why it matters.
          public: false

        rounds:
          - id: peer-technical
            name: Peer technical
            stage_kind: technical
            description: An engineer explores depth.
          - id: async-screen
            name: Written screen
            stage_kind: async_screen
            description: Answers in writing.

        areas:
          - id: architecture
            name: Architecture
            description: How services are shaped.
            competencies:
              - id: service-api
                name: Service APIs
                definition: Designing the contracts other teams call.
                descriptors:
                  junior: Builds endpoints from a given contract.
                  mid: Designs contracts for a feature.
                  senior: Designs contracts across services.
                  principal: Sets API standards for the organisation.
                topics:
                  - Idempotency keys
                  - Pagination with cursors

        traits:
          - id: ownership
            name: Ownership
            definition: Treats shipped code as theirs in production.

        loop_templates:
          - id: short-loop
            name: Short loop
            description: One technical stage.
            stages:
              - id: technical
                kind: technical
                name: Technical
                duration_min: 45
                duration_max: 60
                focus: [service-api]
                traits: [ownership]
                questions: [api-idempotent-create]
        """;

    public const string QuestionsYaml = """
        questions:
          - id: api-idempotent-create
            kind: competency
            competency: service-api
            levels: [mid, senior]
            round: peer-technical
            title: Idempotent create endpoint
            prompt: A client retries a create call after a timeout. What happens?
            positive:
              - text: Uses an idempotency key stored with the result.
                cues: [idempotency key]
              - text: Returns the stored response for a repeat.
                cues: [stored response]
              - text: Handles two concurrent first requests.
                cues: [unique constraint]
              - text: Expires keys after a stated window.
                cues: [expiry]
            negative:
              - text: Assumes the network never drops a response.
              - text: Deduplicates on the request body only.
              - text: Ignores concurrent duplicates.
              - text: Keeps keys forever without a reason.
            follow_ups:
              - What if the first request is still running?
              - How long do you keep the keys?
          - id: att-ownership-incident
            kind: attitude
            trait: ownership
            levels: [junior, mid, senior, principal]
            round: peer-technical
            title: An incident you caused
            prompt: Tell me about a production incident your change caused.
            positive:
              - text: Says plainly that their change caused it.
                cues: [my change]
              - text: Describes the fix and the follow-up.
                cues: [follow-up]
              - text: Names a guard added afterwards.
                cues: [added a test]
              - text: Shares what they learned.
                cues: [learned]
            negative:
              - text: Blames others.
              - text: Cannot name a follow-up.
              - text: Minimises the impact.
              - text: Hides the incident.
            follow_ups:
              - Who did you tell first?
              - What changed in the team afterwards?
        """;

    public static List<(string FileName, string Yaml)> Files() => [(KitFile, KitYaml), (QuestionsFile, QuestionsYaml)];

    /// <summary>The two files with <paramref name="find"/> replaced once in <paramref name="file"/>.</summary>
    public static List<(string FileName, string Yaml)> FilesWith(string file, string find, string replace)
    {
        var files = Files();
        var index = files.FindIndex(f => f.FileName == file);
        var yaml = files[index].Yaml;
        Assert.Contains(find, yaml, StringComparison.Ordinal);
        files[index] = (file, yaml.Replace(find, replace, StringComparison.Ordinal));
        return files;
    }

    public static KitLoadResult ParseWith(string file, string find, string replace) => KitLoader.Parse(FilesWith(file, find, replace));

    /// <summary>1-based line and column where <paramref name="needle"/> first occurs in <paramref name="yaml"/>.</summary>
    public static (int Line, int Column) Locate(string yaml, string needle)
    {
        var index = yaml.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' not found");
        var lineStart = index == 0 ? 0 : yaml.LastIndexOf('\n', index - 1) + 1;
        var line = 1 + yaml.AsSpan(0, index).Count('\n');
        var column = index - lineStart + 1;
        return (line, column);
    }

    /// <summary>The folder of the shipped backend kit, found by walking up to the folder holding Hirekit.slnx.</summary>
    public static string ShippedKitDirectory => Path.Combine(RepositoryRoot, "content", "kits", "backend-developer");

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Hirekit.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Hirekit.slnx not found above " + AppContext.BaseDirectory);
        }
    }
}
