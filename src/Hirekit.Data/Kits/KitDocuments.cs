using System.Data.Common;
using Dapper;
using Hirekit.Core.Kits;

namespace Hirekit.Data.Kits;

/// <summary>
/// Content-addressed kit documents and their question projection. Storing a document that exists
/// is a no-op; a new document gets its projection rows in the same transaction.
/// </summary>
internal static class KitDocuments
{
    public static async Task StoreAsync(DbConnection connection, DbTransaction transaction, KitDocument document, DateTimeOffset now, CancellationToken ct)
    {
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO kit_documents (content_hash, document, created_at) VALUES (@Hash, @Document, @Now) ON CONFLICT (content_hash) DO NOTHING",
            new { Hash = document.ContentHash, document.Document, Now = now },
            transaction,
            cancellationToken: ct));
        if (inserted == 1)
        {
            await ProjectAsync(connection, transaction, document.ContentHash, document.Kit, ct);
        }
    }

    public static Task ProjectAsync(DbConnection connection, DbTransaction transaction, string contentHash, Kit kit, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kit_document_questions (content_hash, question_key, position, kind, competency_key, trait_key, round_key, level_mask, title, prompt, body)
            VALUES (@ContentHash, @Key, @Position, @Kind, @Competency, @Trait, @Round, @LevelMask, @Title, @Prompt, @Body)
            """,
            QuestionProjection.From(kit).Select(q => new { ContentHash = contentHash, q.Key, q.Position, q.Kind, q.Competency, q.Trait, q.Round, q.LevelMask, q.Title, q.Prompt, q.Body }),
            transaction,
            cancellationToken: ct));
}
