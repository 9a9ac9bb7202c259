using Reporting.Core;
using Reporting.Core.Ingestion;
using Reporting.Core.Storage;

namespace Reporting.Tests.Storage.Contracts;

/// <summary>
/// What every <see cref="ILedgerStore"/> must do, identically: the folder ledger runs this suite
/// in Reporting.Tests, the Azure Table ledger runs it against Azurite in Reporting.IntegrationTests.
/// Each test gets a fresh, empty ledger.
/// </summary>
public abstract class LedgerStoreContract
{
    protected abstract Task<ILedgerStore> CreateLedgerAsync();

    public sealed record Row(string Status, int Attempts);

    /// <summary>Every kind of member a ledger record may have.</summary>
    public sealed record RichRow
    {
        public required string Department { get; init; }

        public bool Accepted { get; init; }

        public int Count { get; init; }

        public long Bytes { get; init; }

        public double Ratio { get; init; }

        public decimal Amount { get; init; }

        public decimal? OptionalAmount { get; init; }

        public DateTimeOffset ReceivedAt { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public Guid Id { get; init; }

        public Severity Severity { get; init; }

        public ReportingPeriod Period { get; init; }

        public DateOnly Day { get; init; }

        public string? Note { get; init; }

        public IReadOnlyList<Finding> Findings { get; init; } = [];
    }

    [Fact]
    public async Task A_missing_row_or_table_reads_as_nothing()
    {
        ILedgerStore ledger = await CreateLedgerAsync();

        Assert.Null(await ledger.GetAsync<Row>(LedgerTables.Deliveries, "2022-12", "a@x.cn"));
        Assert.Empty(await ToListAsync(ledger.QueryAsync<Row>(LedgerTables.Deliveries, "2022-12")));
        Assert.Empty(await ToListAsync(ledger.QueryAsync<Row>(LedgerTables.Deliveries, null)));
    }

    [Fact]
    public async Task Insert_refuses_an_existing_row_and_replace_needs_the_current_etag()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        string etag = await ledger.InsertAsync(LedgerTables.Deliveries, "2022-12", "a@x.cn", new Row("Pending", 0));

        LedgerConflictException conflict = await Assert.ThrowsAsync<LedgerConflictException>(
            () => ledger.InsertAsync(LedgerTables.Deliveries, "2022-12", "a@x.cn", new Row("Pending", 9)));
        string next = await ledger.ReplaceAsync(LedgerTables.Deliveries, "2022-12", "a@x.cn", new Row("Sent", 1), etag);
        await Assert.ThrowsAsync<LedgerConflictException>(
            () => ledger.ReplaceAsync(LedgerTables.Deliveries, "2022-12", "a@x.cn", new Row("Sent", 2), etag));

        LedgerRow<Row>? row = await ledger.GetAsync<Row>(LedgerTables.Deliveries, "2022-12", "a@x.cn");
        Assert.Equal((LedgerTables.Deliveries, "2022-12", "a@x.cn"), (conflict.Table, conflict.PartitionKey, conflict.RowKey));
        Assert.NotEqual(etag, next);
        Assert.Equal(new Row("Sent", 1), row!.Value);
        Assert.Equal(next, row.ETag);
        Assert.Equal(("2022-12", "a@x.cn"), (row.PartitionKey, row.RowKey));
    }

    [Fact]
    public async Task The_etag_returned_by_insert_is_the_one_get_returns()
    {
        ILedgerStore ledger = await CreateLedgerAsync();

        string etag = await ledger.InsertAsync(LedgerTables.Submissions, "2022-12", "anyuan", new Row("Accepted", 1));

        Assert.Equal(etag, (await ledger.GetAsync<Row>(LedgerTables.Submissions, "2022-12", "anyuan"))!.ETag);
    }

    [Fact]
    public async Task Replace_of_a_missing_row_is_a_conflict()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        string etag = await ledger.InsertAsync(LedgerTables.Deliveries, "2022-12", "a@x.cn", new Row("Pending", 0));

        await Assert.ThrowsAsync<LedgerConflictException>(
            () => ledger.ReplaceAsync(LedgerTables.Deliveries, "2022-12", "b@x.cn", new Row("Sent", 1), etag));

        Assert.Null(await ledger.GetAsync<Row>(LedgerTables.Deliveries, "2022-12", "b@x.cn"));
    }

    [Fact]
    public async Task Upsert_creates_then_overwrites_and_its_etag_guards_a_replace()
    {
        ILedgerStore ledger = await CreateLedgerAsync();

        string first = await ledger.UpsertAsync(LedgerTables.Issues, "2022", "2022-12", new Row("12", 0));
        string second = await ledger.UpsertAsync(LedgerTables.Issues, "2022", "2022-12", new Row("12", 1));
        await Assert.ThrowsAsync<LedgerConflictException>(() => ledger.ReplaceAsync(LedgerTables.Issues, "2022", "2022-12", new Row("x", 2), first));
        await ledger.ReplaceAsync(LedgerTables.Issues, "2022", "2022-12", new Row("12", 3), second);

        Assert.Equal(new Row("12", 3), (await ledger.GetAsync<Row>(LedgerTables.Issues, "2022", "2022-12"))!.Value);
    }

    [Fact]
    public async Task Query_returns_a_partition_or_the_table_in_ordinal_key_order()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-12", "b", new Row("Accepted", 1));
        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-12", "a", new Row("Rejected", 1));
        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-12", "B", new Row("Rejected", 1));
        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-12", "安源区", new Row("Accepted", 2));
        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-11", "c", new Row("Accepted", 1));
        await ledger.UpsertAsync(LedgerTables.Deliveries, "2022-12", "z", new Row("Sent", 1));

        List<LedgerRow<Row>> partition = await ToListAsync(ledger.QueryAsync<Row>(LedgerTables.Submissions, "2022-12"));
        List<LedgerRow<Row>> table = await ToListAsync(ledger.QueryAsync<Row>(LedgerTables.Submissions, null));

        Assert.Equal(["B", "a", "b", "安源区"], partition.Select(r => r.RowKey));
        Assert.Equal(new Row("Accepted", 2), partition[^1].Value);
        Assert.Equal([("2022-11", "c"), ("2022-12", "B"), ("2022-12", "a"), ("2022-12", "b"), ("2022-12", "安源区")], table.Select(r => (r.PartitionKey, r.RowKey)));
        LedgerRow<Row> fromGet = (await ledger.GetAsync<Row>(LedgerTables.Submissions, "2022-12", "a"))!;
        Assert.Equal(fromGet.ETag, partition[1].ETag);
    }

    [Fact]
    public async Task Round_trips_every_member_kind_with_decimals_exact()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        var value = new RichRow
        {
            Department = "萍乡经开区",
            Accepted = true,
            Count = 380,
            Bytes = 5_000_000_000L,
            Ratio = 1.348,
            Amount = 12345678901234567.8901234567m,
            OptionalAmount = 0.1m,
            ReceivedAt = new DateTimeOffset(2023, 1, 3, 9, 2, 3, 456, TimeSpan.FromHours(8)).AddTicks(7),
            SentAt = null,
            Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            Severity = Severity.Warning,
            Period = new ReportingPeriod(2022, 12),
            Day = new DateOnly(2023, 1, 5),
            Note = "含\"引号\"、换行\n和 emoji 🙂",
            Findings =
            [
                new Finding { Severity = Severity.Error, RuleId = RuleIds.ValueNegative, Message = "第F12格：累计完成投资为负数", Sheet = "重大项目", Cell = "F12", Header = "累计完成投资", Value = "-5" },
            ],
        };

        await ledger.InsertAsync(LedgerTables.Submissions, "2022-12", "jingkai", value);
        RichRow read = (await ledger.GetAsync<RichRow>(LedgerTables.Submissions, "2022-12", "jingkai"))!.Value;

        Assert.Equal(value.Department, read.Department);
        Assert.True(read.Accepted);
        Assert.Equal(380, read.Count);
        Assert.Equal(5_000_000_000L, read.Bytes);
        Assert.Equal(1.348, read.Ratio);
        Assert.Equal(12345678901234567.8901234567m, read.Amount);
        Assert.Equal("12345678901234567.8901234567", read.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.1m, read.OptionalAmount);
        Assert.Equal(value.ReceivedAt, read.ReceivedAt);
        Assert.Equal(value.ReceivedAt.UtcTicks, read.ReceivedAt.UtcTicks);
        Assert.Null(read.SentAt);
        Assert.Equal(value.Id, read.Id);
        Assert.Equal(Severity.Warning, read.Severity);
        Assert.Equal(value.Period, read.Period);
        Assert.Equal(value.Day, read.Day);
        Assert.Equal(value.Note, read.Note);
        Assert.Equal(value.Findings, read.Findings);
    }

    [Fact]
    public async Task Round_trips_dates_outside_what_a_table_date_holds()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        var value = new RichRow { Department = "安源区", Period = new ReportingPeriod(2022, 12), ReceivedAt = default, SentAt = DateTimeOffset.MaxValue };

        await ledger.InsertAsync(LedgerTables.Submissions, "2022-12", "dates", value);
        RichRow read = (await ledger.GetAsync<RichRow>(LedgerTables.Submissions, "2022-12", "dates"))!.Value;

        Assert.Equal(default, read.ReceivedAt);
        Assert.Equal(DateTimeOffset.MaxValue, read.SentAt);
    }

    [Fact]
    public async Task Round_trips_text_longer_than_a_table_property_holds()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        Finding[] findings = Enumerable.Range(1, 400)
            .Select(i => new Finding { Severity = Severity.Warning, RuleId = RuleIds.CompletedOver200Pct, Message = $"第{i}行：累计完成投资超过年度计划的200%，请核实。" + new string('注', 80), Sheet = "Sheet1", Cell = $"F{i}" })
            .ToArray();
        var value = new RichRow { Department = new string('长', 70_001) + "🙂", Period = new ReportingPeriod(2022, 12), Findings = findings };

        await ledger.UpsertAsync(LedgerTables.Submissions, "2022-12", "long", value);
        RichRow read = (await ledger.GetAsync<RichRow>(LedgerTables.Submissions, "2022-12", "long"))!.Value;

        Assert.Equal(value.Department, read.Department);
        Assert.Equal(findings, read.Findings);
    }

    [Fact]
    public async Task Of_concurrent_replacers_with_the_same_etag_exactly_one_wins()
    {
        ILedgerStore ledger = await CreateLedgerAsync();
        string etag = await ledger.InsertAsync(LedgerTables.Deliveries, "2022-12", "leader@x.cn", new Row("Pending", 0));

        bool[] won = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await ledger.ReplaceAsync(LedgerTables.Deliveries, "2022-12", "leader@x.cn", new Row("Sending", i), etag);
                return true;
            }
            catch (LedgerConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, won.Count(w => w));
        Assert.Equal(Array.IndexOf(won, true) + 1, (await ledger.GetAsync<Row>(LedgerTables.Deliveries, "2022-12", "leader@x.cn"))!.Value.Attempts);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\nb")]
    [InlineData("")]
    public async Task Rejects_keys_that_azure_tables_would_refuse(string key)
    {
        ILedgerStore ledger = await CreateLedgerAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.UpsertAsync(LedgerTables.Submissions, "p", key, new Row("x", 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.UpsertAsync(LedgerTables.Submissions, key, "r", new Row("x", 0)));
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.GetAsync<Row>(LedgerTables.Submissions, "p", key));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        List<T> list = [];
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
