using System.Data.Common;
using System.Text;
using System.Text.Json;
using Dapper;
using Hirekit.Core.Audit;
using Hirekit.Core.Candidates;
using Hirekit.Core.Common;
using Hirekit.Data.Applications;
using Hirekit.Data.Audit;
using Hirekit.Data.Connections;
using Hirekit.Data.Dialects;

namespace Hirekit.Data.Candidates;

public sealed class CandidateStore(IDbConnectionFactory db) : ICandidateStore
{
    private const string Columns = "c.id, c.organization_id, c.name, c.email, c.phone, c.links, c.source, c.resume_file_id, c.resume_text, c.consent_at, c.merged_into_id, c.created_at, c.updated_at";

    private string InsertCandidateSql => $"""
        INSERT INTO candidates (id, organization_id, name, email, phone, links, source, resume_file_id, resume_text, consent_at, merged_into_id, created_at, updated_at, search_id)
        VALUES (@Id, @OrganizationId, @Name, @Email, @Phone, @Links, @Source, @ResumeFileId, @ResumeText, @ConsentAt, NULL, @CreatedAt, @UpdatedAt, {db.Dialect.NextCandidateSearchId})
        """;

    public Task<PublicApplicationOutcome> ApplyAsync(PublicApplication application, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var a = application;
                var applicationId = Ids.New();
                var existing = await FindIdByEmailAsync(connection, transaction, a.OrganizationId, a.Email, ct);
                if (existing is { } known)
                {
                    var applied = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
                        "SELECT id FROM applications WHERE organization_id = @OrganizationId AND job_id = @JobId AND candidate_id = @CandidateId",
                        new { a.OrganizationId, a.JobId, CandidateId = known },
                        transaction,
                        cancellationToken: ct));
                    if (applied is { } previous)
                    {
                        return new PublicApplicationOutcome(known, previous, false, true);
                    }
                }

                if (a.Resume is { } file)
                {
                    await InsertFileAsync(connection, transaction, file, ct);
                }

                var id = existing ?? Ids.New();
                if (existing is null)
                {
                    var candidate = new Candidate(id, a.OrganizationId, a.Name, a.Email, a.Phone, a.Links, "careers", a.Resume?.Id, a.ResumeText, a.ConsentAt, null, a.Now, a.Now);
                    await connection.ExecuteAsync(new CommandDefinition(InsertCandidateSql, Parameters(candidate), transaction, cancellationToken: ct));
                }

                var created = new Application(applicationId, a.OrganizationId, a.JobId, id, PipelineStages.Applied, null, "careers", a.Resume?.Id, null, a.Now, a.Now);
                await ApplicationSql.InsertAsync(connection, transaction, created, null, "Applied on the careers page", ct);
                return new PublicApplicationOutcome(id, created.Id, existing is null, false);
            },
            ct);

    public async Task<bool> CreateAsync(Candidate candidate, StoredFile? resume, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    if (resume is not null)
                    {
                        await InsertFileAsync(connection, transaction, resume, ct);
                    }

                    await connection.ExecuteAsync(new CommandDefinition(InsertCandidateSql, Parameters(candidate), transaction, cancellationToken: ct));
                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> ImportAsync(IReadOnlyList<Candidate> candidates, AuditEntry audit, CancellationToken ct)
    {
        try
        {
            await db.InTransactionAsync(
                async (connection, transaction) =>
                {
                    // One statement per row keeps each search_id allocation after the previous insert.
                    foreach (var candidate in candidates)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(InsertCandidateSql, Parameters(candidate), transaction, cancellationToken: ct));
                    }

                    await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                },
                ct);
            return true;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<Candidate?> FindAsync(Guid organizationId, Guid candidateId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CandidateRow>(new CommandDefinition(
            $"SELECT {Columns} FROM candidates c WHERE c.organization_id = @OrganizationId AND c.id = @Id", new { OrganizationId = organizationId, Id = candidateId }, cancellationToken: ct));
        return row?.ToCandidate();
    }

    public async Task<Candidate?> FindByEmailAsync(Guid organizationId, string email, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CandidateRow>(new CommandDefinition(
            $"SELECT {Columns} FROM candidates c WHERE c.organization_id = @OrganizationId AND c.email = @Email AND c.merged_into_id IS NULL",
            new { OrganizationId = organizationId, Email = email },
            cancellationToken: ct));
        return row?.ToCandidate();
    }

    public async Task<IReadOnlyDictionary<string, Guid>> FindEmailsAsync(Guid organizationId, IReadOnlyList<string> emails, CancellationToken ct)
    {
        var found = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var connection = await db.OpenAsync(ct);
        foreach (var chunk in emails.Distinct().Chunk(500))
        {
            var rows = await connection.QueryAsync<EmailRow>(new CommandDefinition(
                "SELECT id, email FROM candidates WHERE organization_id = @OrganizationId AND merged_into_id IS NULL AND email IN @Emails",
                new { OrganizationId = organizationId, Emails = chunk },
                cancellationToken: ct));
            foreach (var row in rows)
            {
                found[row.Email] = row.Id;
            }
        }

        return found;
    }

    public async Task<bool> IsOnTeamForAsync(Guid organizationId, Guid candidateId, Guid userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT 1 FROM applications a
            JOIN job_team t ON t.organization_id = a.organization_id AND t.job_id = a.job_id
            WHERE a.organization_id = @OrganizationId AND a.candidate_id = @CandidateId AND t.user_id = @UserId
            LIMIT 1
            """,
            new { OrganizationId = organizationId, CandidateId = candidateId, UserId = userId },
            cancellationToken: ct)) is not null;
    }

    public async Task<IReadOnlyList<CandidateSummary>> SearchAsync(Guid organizationId, CandidateQuery query, IReadOnlyList<string> terms, Guid? memberId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(terms);
        var parameters = new DynamicParameters(new { OrganizationId = organizationId, Limit = query.PageSize });

        // The plain list, newest first, with or without a job, has one best plan whatever the
        // organisation, job or page: walk the key index backwards and stop at the page. Its values
        // are written so the engine may plan it once (ISqlDialect.PlannedOnce). With a filter or
        // the name order the best plan depends on the values (how many rows the job, the stage or
        // the member has), so those are planned on every call. Search writes its own InitPlans
        // (ADR 32).
        var planOnce = terms.Count == 0 && query.Sort != CandidateSorts.Name && query.Stage is null && string.IsNullOrWhiteSpace(query.Source) && memberId is null;
        string Value(string parameter) => planOnce ? db.Dialect.PlannedOnce(parameter) : parameter;
        var org = Value("@OrganizationId");
        var where = new StringBuilder($"c.organization_id = {org} AND c.merged_into_id IS NULL");
        if (memberId is { } member)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM applications va JOIN job_team vt ON vt.organization_id = va.organization_id AND vt.job_id = va.job_id WHERE va.organization_id = @OrganizationId AND va.candidate_id = c.id AND vt.user_id = @MemberId)");
            parameters.Add("MemberId", member);
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            where.Append(" AND c.source = @Source");
            parameters.Add("Source", query.Source.Trim().ToLowerInvariant());
        }

        // A job filter joins the job's applications (a candidate applies to a job once, so the
        // join adds no duplicates); without a job, a stage filter is a semi-join.
        var onJob = query.JobId is not null;
        if (query.JobId is { } jobId)
        {
            where.Append($" AND fa.organization_id = {org} AND fa.job_id = {Value("@JobId")}");
            parameters.Add("JobId", jobId);
            if (query.Stage is { } stage)
            {
                where.Append(" AND fa.stage = @Stage");
                parameters.Add("Stage", stage);
            }
        }
        else if (query.Stage is { } stage)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM applications fa WHERE fa.organization_id = @OrganizationId AND fa.candidate_id = c.id AND fa.stage = @Stage)");
            parameters.Add("Stage", stage);
        }

        await using var connection = await db.OpenAsync(ct);
        Task<IEnumerable<SummaryRow>> Read(string sql) => connection.QueryAsync<SummaryRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        var rows = terms.Count > 0
            ? await SearchTiersAsync(db.Dialect.CandidateSearch(terms), db.Dialect.PlannedOnce("@Limit"), onJob, where.ToString(), query, parameters, Read)
            : await Read(ListSql(query, onJob, where, parameters, Value));
        return rows.Select(r => new CandidateSummary(
            r.Id, r.Name, r.Email, r.Source, (int)r.Applications, r.CreatedAt, r.Tier is { } tier ? new CandidateSearchHit((int)tier, r.SearchKey ?? 0) : null)).ToList();
    }

    /// <summary>
    /// The unsearched list, newest first or by name, a keyset page at a time. With a job the page
    /// is driven from the job's applications: newest first walks the unique index (job_id,
    /// candidate_id) backwards and stops at a page, however small the job is next to the
    /// organisation. The page is chosen first, carrying its sort key, so only the page is sorted
    /// again and applications are counted for the page's rows only.
    /// </summary>
    private static string ListSql(CandidateQuery query, bool onJob, StringBuilder where, DynamicParameters parameters, Func<string, string> value)
    {
        var from = onJob ? "applications fa JOIN candidates c ON c.id = fa.candidate_id" : "candidates c";
        var newestKey = onJob ? "fa.candidate_id" : "c.id";
        string order, sortKey, outerOrder = "p.sort_key, p.id";
        if (query.Sort == CandidateSorts.Name)
        {
            order = "lower(c.name), c.id";
            sortKey = "lower(c.name)";
            if (CandidateCursor.Position(query.After) is { Name: { } name } position)
            {
                where.Append(" AND (lower(c.name) > @AfterName OR (lower(c.name) = @AfterName AND c.id > @AfterId))");
                parameters.Add("AfterName", name);
                parameters.Add("AfterId", position.Id);
            }
        }
        else
        {
            order = $"{newestKey} DESC";
            sortKey = "NULL";
            outerOrder = "p.id DESC";
            if (CandidateCursor.Position(query.After) is { } position)
            {
                where.Append($" AND {newestKey} < {value("@AfterId")}");
                parameters.Add("AfterId", position.Id);
            }
        }

        return $"""
            WITH page AS (
                SELECT c.id, c.name, c.email, c.source, c.created_at, {sortKey} AS sort_key
                FROM {from}
                WHERE {where}
                ORDER BY {order}
                LIMIT {value("@Limit")}
            )
            SELECT p.id, p.name, p.email, p.source, p.created_at,
                   (SELECT COUNT(*) FROM applications a WHERE a.organization_id = {value("@OrganizationId")} AND a.candidate_id = p.id) AS applications
            FROM page p
            ORDER BY {outerOrder}
            """;
    }

    /// <summary>
    /// A text search (ADR 25): name-or-e-mail matches, then the rest, newest first within each
    /// tier; the cursor is (tier, key). One statement carries both tiers; tier 2 is read only when
    /// tier 1 leaves the page short (the outer LIMIT stops the union). Tier 1 reads its source in
    /// key order and stops at the page, a word that matches thousands of candidates costing a
    /// page. Tier 2 does the same where its index reads in key order (SQLite); otherwise
    /// (PostgreSQL) it walks a window, then reads the index (ADR 28). MATERIALIZED (in
    /// <see cref="WithApplicationCounts"/>) keeps the outer sort outside the union: left to
    /// itself, SQLite pushes it into a merge of both tiers and reads the second even when the
    /// first fills the page. <paramref name="limit"/> is the page's limit as
    /// <see cref="ISqlDialect.PlannedOnce"/> writes it, so the plan cache keeps the search's
    /// generic plan (ADR 32).
    /// </summary>
    private static async Task<IEnumerable<SummaryRow>> SearchTiersAsync(
        CandidateSearchSql search, string limit, bool onJob, string where, CandidateQuery query, DynamicParameters parameters, Func<string, Task<IEnumerable<SummaryRow>>> read)
    {
        var position = CandidateCursor.SearchPosition(query.After);
        if (position is { } p)
        {
            parameters.Add("AfterKey", p.Key);
        }

        parameters.Add("Match1", search.NameOrEmail.Match);
        parameters.Add("Match2", search.Elsewhere.Match);
        var tier2 = search.Reading == CandidateSearchReading.IndexInKeyOrder
            ? TierInKeyOrder(2, search.Elsewhere, onJob, where, position, limit)
            : $"({Tier2ByWalkThenIndex(search.Elsewhere, onJob, where, position, parameters)})";
        return await read(WithApplicationCounts(position is { Tier: 2 }
            ? tier2
            : $"{TierInKeyOrder(1, search.NameOrEmail, onJob, where, position, limit)}\nUNION ALL\n{tier2}\nLIMIT {limit}"));
    }

    /// <summary>A page of search rows with each row's application count, in tier then newest-first order.</summary>
    private static string WithApplicationCounts(string page) => $"""
        WITH page AS MATERIALIZED (
            {page}
        )
        SELECT p.id, p.name, p.email, p.source, p.created_at, p.tier, p.search_key,
               (SELECT COUNT(*) FROM applications a WHERE a.organization_id = @OrganizationId AND a.candidate_id = p.id) AS applications
        FROM page p
        ORDER BY p.tier, p.search_key DESC
        """;

    private const string SearchColumns = "c.id, c.name, c.email, c.source, c.created_at";

    private static string JobJoin(bool onJob) => onJob ? " JOIN applications fa ON fa.candidate_id = c.id" : "";

    /// <summary>A tier's fragment with <c>@Match</c> renamed to the tier's own parameter.</summary>
    private static string Numbered(string sql, int number) => sql.Replace("@Match", $"@Match{number}", StringComparison.Ordinal);

    private static string Predicate(SearchTierSql tier, int number) => Numbered(tier.Predicate, number);

    private static string From(SearchTierSql tier, int number) => Numbered(tier.From, number);

    private static string KeyBound(string key, CandidateSearchHit? position, int tier) => position is { } p && p.Tier == tier ? $" AND {key} < @AfterKey" : "";

    /// <summary>One tier read from a source that hands keys over newest first, stopping at the page.</summary>
    private static string TierInKeyOrder(int tier, SearchTierSql sql, bool onJob, string where, CandidateSearchHit? position, string limit) => $"""
        SELECT * FROM (
            SELECT {SearchColumns}, {tier} AS tier, {sql.Key} AS search_key
            FROM {From(sql, tier)}{JobJoin(onJob)}
            WHERE {Predicate(sql, tier)} AND {where}{KeyBound(sql.Key, position, tier)}
            ORDER BY {sql.Key} DESC
            LIMIT {limit}
        ) t{tier}
        """;

    /// <summary>
    /// How many of an organisation's newest candidates (past the cursor) tier 2 tests in key
    /// order before it falls back to the index (ADR 28). A word in one resume of 20 fills a page
    /// of 25 within the window; rarer words are cheap to read from the index.
    /// </summary>
    public const int SearchWalkWindow = 500;

    /// <summary>
    /// Tier 2 where its index returns matches unordered (ADR 28): first the newest
    /// <see cref="SearchWalkWindow"/> candidates are tested one by one, stopping at the page,
    /// which is what makes a common resume word cheap; only when that falls short of the page
    /// (<c>@Limit</c>) are all tier 2 matches read from the index. Under tier 1 in one statement
    /// the window cannot know how many rows tier 1 gave, so it must hold a whole page: a window
    /// with enough for the rest of the page, but not a whole one, still reads the index. The index
    /// read runs only then (the one-time filters and the outer LIMIT stop the executor). "+ 0"
    /// keeps the planner from walking the key index for the index read: it cannot tell a rare
    /// prefix from a common one and would walk every candidate for a word that only a few
    /// contain. The window reads <c>candidates</c> itself, so the tier 2 key must be a column of
    /// <c>candidates c</c>.
    /// </summary>
    private static string Tier2ByWalkThenIndex(SearchTierSql tier2, bool onJob, string where, CandidateSearchHit? position, DynamicParameters parameters)
    {
        parameters.Add("Window", SearchWalkWindow);
        var join = JobJoin(onJob);
        var bound2 = KeyBound(tier2.Key, position, 2);
        return $"""
            WITH walk AS MATERIALIZED (
                SELECT {SearchColumns}, 2 AS tier, {tier2.Key} AS search_key
                FROM (SELECT * FROM candidates c WHERE c.organization_id = @OrganizationId{bound2} ORDER BY {tier2.Key} DESC LIMIT @Window) c{join}
                WHERE {Predicate(tier2, 2)} AND {where}
                ORDER BY {tier2.Key} DESC
                LIMIT @Limit
            )
            SELECT * FROM walk WHERE (SELECT COUNT(*) FROM walk) >= @Limit
            UNION ALL
            SELECT * FROM (
                SELECT {SearchColumns}, 2 AS tier, {tier2.Key} AS search_key
                FROM {From(tier2, 2)}{join}
                WHERE {Predicate(tier2, 2)} AND {where}{bound2}
                ORDER BY {tier2.Key} + 0 DESC
                LIMIT @Limit
            ) indexed WHERE (SELECT COUNT(*) FROM walk) < @Limit
            LIMIT @Limit
            """;
    }

    public async Task<IReadOnlyList<(Candidate Candidate, int Applications)>> ExportPageAsync(Guid organizationId, Guid? after, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ExportRow>(new CommandDefinition(
            $"""
            WITH page AS (
                SELECT {Columns} FROM candidates c
                WHERE c.organization_id = @OrganizationId AND c.merged_into_id IS NULL {(after is null ? "" : "AND c.id < @After")}
                ORDER BY c.id DESC LIMIT @Limit
            )
            SELECT p.*, (SELECT COUNT(*) FROM applications a WHERE a.organization_id = @OrganizationId AND a.candidate_id = p.id) AS applications
            FROM page p ORDER BY p.id DESC
            """,
            new { OrganizationId = organizationId, After = after ?? Guid.Empty, Limit = limit },
            cancellationToken: ct));
        return rows.Select(r => (r.ToCandidate(), (int)r.Applications)).ToList();
    }

    public Task SetResumeAsync(Guid organizationId, Guid candidateId, StoredFile file, string text, AuditEntry audit, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                await InsertFileAsync(connection, transaction, file, ct);
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE candidates SET resume_file_id = @FileId, resume_text = @Text, updated_at = @Now WHERE organization_id = @OrganizationId AND id = @Id",
                    new { OrganizationId = organizationId, Id = candidateId, FileId = file.Id, Text = text, Now = file.CreatedAt },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
            },
            ct);

    public async Task<StoredFile?> FindFileAsync(Guid organizationId, Guid fileId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(new CommandDefinition(
            "SELECT id, organization_id, purpose, content_type, size_bytes, sha256, original_name, storage_key, created_at FROM stored_files WHERE organization_id = @OrganizationId AND id = @Id",
            new { OrganizationId = organizationId, Id = fileId },
            cancellationToken: ct));
        return row is null ? null : new StoredFile(row.Id, row.OrganizationId, row.Purpose, row.ContentType, row.SizeBytes, row.Sha256, row.OriginalName, row.StorageKey, row.CreatedAt);
    }

    public Task<MergeOutcome> MergeAsync(Guid organizationId, Guid targetId, Guid sourceId, AuditEntry audit, DateTimeOffset now, CancellationToken ct) =>
        db.InTransactionAsync(
            async (connection, transaction) =>
            {
                var rows = (await connection.QueryAsync<CandidateRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM candidates c WHERE c.organization_id = @OrganizationId AND c.id IN @Ids AND c.merged_into_id IS NULL",
                    new { OrganizationId = organizationId, Ids = db.Dialect.IdList([targetId, sourceId]) },
                    transaction,
                    cancellationToken: ct))).Select(r => r.ToCandidate()).ToList();
                var target = rows.FirstOrDefault(c => c.Id == targetId);
                var source = rows.FirstOrDefault(c => c.Id == sourceId);
                if (target is null || source is null)
                {
                    return MergeOutcome.NotFound;
                }

                var key = new { OrganizationId = organizationId, Target = targetId, Source = sourceId, Now = now };
                var clash = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                    """
                    SELECT 1 FROM applications s JOIN applications t ON t.job_id = s.job_id AND t.organization_id = s.organization_id
                    WHERE s.organization_id = @OrganizationId AND s.candidate_id = @Source AND t.candidate_id = @Target LIMIT 1
                    """,
                    key,
                    transaction,
                    cancellationToken: ct));
                if (clash is not null)
                {
                    return MergeOutcome.SameJob;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE candidates SET merged_into_id = @Target, updated_at = @Now WHERE organization_id = @OrganizationId AND id = @Source", key, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE applications SET candidate_id = @Target, updated_at = @Now WHERE organization_id = @OrganizationId AND candidate_id = @Source", key, transaction, cancellationToken: ct));
                var links = target.Links.Concat(source.Links).Distinct().Take(CandidateFields.MaxLinks).ToList();
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE candidates SET phone = @Phone, links = @Links, resume_file_id = @ResumeFileId, resume_text = @ResumeText, updated_at = @Now
                    WHERE organization_id = @OrganizationId AND id = @Target
                    """,
                    new
                    {
                        OrganizationId = organizationId,
                        Target = targetId,
                        Now = now,
                        Phone = target.Phone ?? source.Phone,
                        Links = JsonSerializer.Serialize(links),
                        ResumeFileId = target.ResumeFileId ?? source.ResumeFileId,
                        ResumeText = target.ResumeText.Length > 0 ? target.ResumeText : source.ResumeText,
                    },
                    transaction,
                    cancellationToken: ct));
                await AuditWriter.AppendAsync(connection, transaction, audit, ct);
                return MergeOutcome.Merged;
            },
            ct);

    private static async Task<Guid?> FindIdByEmailAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, string email, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM candidates WHERE organization_id = @OrganizationId AND email = @Email AND merged_into_id IS NULL",
            new { OrganizationId = organizationId, Email = email },
            transaction,
            cancellationToken: ct));

    private static Task InsertFileAsync(DbConnection connection, DbTransaction transaction, StoredFile file, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO stored_files (id, organization_id, purpose, content_type, size_bytes, sha256, original_name, storage_key, created_at)
            VALUES (@Id, @OrganizationId, @Purpose, @ContentType, @SizeBytes, @Sha256, @OriginalName, @StorageKey, @CreatedAt)
            """,
            file,
            transaction,
            cancellationToken: ct));

    private static object Parameters(Candidate c) => new
    {
        c.Id,
        c.OrganizationId,
        c.Name,
        c.Email,
        c.Phone,
        Links = JsonSerializer.Serialize(c.Links),
        c.Source,
        c.ResumeFileId,
        c.ResumeText,
        c.ConsentAt,
        c.CreatedAt,
        c.UpdatedAt,
    };

    private class CandidateRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public string Name { get; init; } = "";

        public string Email { get; init; } = "";

        public string? Phone { get; init; }

        public string Links { get; init; } = "[]";

        public string Source { get; init; } = "";

        public Guid? ResumeFileId { get; init; }

        public string ResumeText { get; init; } = "";

        public DateTimeOffset? ConsentAt { get; init; }

        public Guid? MergedIntoId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Candidate ToCandidate() => new(
            Id, OrganizationId, Name, Email, Phone, JsonSerializer.Deserialize<List<string>>(Links) ?? [], Source, ResumeFileId, ResumeText, ConsentAt, MergedIntoId, CreatedAt, UpdatedAt);
    }

    private sealed class ExportRow : CandidateRow
    {
        public long Applications { get; init; }
    }

    private sealed class SummaryRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Email { get; init; } = "";

        public string Source { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public long Applications { get; init; }

        public long? Tier { get; init; }

        public long? SearchKey { get; init; }
    }

    private sealed class EmailRow
    {
        public Guid Id { get; init; }

        public string Email { get; init; } = "";
    }

    private sealed class FileRow
    {
        public Guid Id { get; init; }

        public Guid OrganizationId { get; init; }

        public string Purpose { get; init; } = "";

        public string ContentType { get; init; } = "";

        public long SizeBytes { get; init; }

        public string Sha256 { get; init; } = "";

        public string OriginalName { get; init; } = "";

        public string StorageKey { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }
    }
}
