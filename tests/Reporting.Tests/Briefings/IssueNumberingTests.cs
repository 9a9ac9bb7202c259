using Reporting.Core;
using Reporting.Core.Briefings;
using Reporting.Core.Storage;

namespace Reporting.Tests.Briefings;

public sealed class IssueNumberingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reporting-issues-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Re_rendering_a_period_reuses_its_number_and_the_next_period_gets_the_next()
    {
        var numbering = new IssueNumbering(new FolderLedgerStore(_root));

        int november = await numbering.AllocateAsync(new ReportingPeriod(2022, 11));
        int novemberAgain = await numbering.AllocateAsync(new ReportingPeriod(2022, 11));
        int december = await numbering.AllocateAsync(new ReportingPeriod(2022, 12));
        int novemberOnceMore = await new IssueNumbering(new FolderLedgerStore(_root)).AllocateAsync(new ReportingPeriod(2022, 11));

        Assert.Equal(1, november);
        Assert.Equal(1, novemberAgain);
        Assert.Equal(2, december);
        Assert.Equal(1, novemberOnceMore);
    }

    [Fact]
    public async Task Numbers_restart_at_one_each_year()
    {
        var numbering = new IssueNumbering(new FolderLedgerStore(_root));
        await numbering.AllocateAsync(new ReportingPeriod(2022, 11));
        await numbering.AllocateAsync(new ReportingPeriod(2022, 12));

        Assert.Equal(1, await numbering.AllocateAsync(new ReportingPeriod(2023, 1)));
        Assert.Equal(1, await numbering.AllocateAsync(2024, new ReportingPeriod(2023, 12)));
    }

    [Fact]
    public async Task Concurrent_renders_of_different_periods_get_distinct_numbers_without_gaps()
    {
        var ledger = new FolderLedgerStore(_root);
        ReportingPeriod[] periods = Enumerable.Range(1, 8).Select(m => new ReportingPeriod(2022, m)).ToArray();

        int[] numbers = await Task.WhenAll(periods.Select(p => Task.Run(() => new IssueNumbering(ledger).AllocateAsync(p))));

        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
        int[] again = await Task.WhenAll(periods.Select(p => new IssueNumbering(ledger).AllocateAsync(p)));
        Assert.Equal(numbers, again);
    }

    [Fact]
    public async Task Concurrent_renders_of_the_same_period_agree_on_one_number()
    {
        var ledger = new FolderLedgerStore(_root);
        var period = new ReportingPeriod(2022, 12);

        int[] numbers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new IssueNumbering(ledger).AllocateAsync(period))));

        Assert.All(numbers, n => Assert.Equal(1, n));
        Assert.Equal(2, await new IssueNumbering(ledger).AllocateAsync(new ReportingPeriod(2022, 11)));
    }
}
