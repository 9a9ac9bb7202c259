using Reporting.Core.Ingestion.Submissions;
using Reporting.IntegrationTests.Infrastructure;

namespace Reporting.IntegrationTests.Portal;

/// <summary>
/// The deadline morning: thirty clerks of the eleven departments (two or three per department, each with a version of
/// their department's sample of their own) upload through the portal at the same moment, against Azurite. Every upload is
/// answered, none is lost (a ledger row, an archived original and a receipt for each), none is ingested twice (the same
/// thirty files sent again, again all at once, are each reported already processed and change nothing). The timings of
/// this burst are measured separately (tests/Reporting.Benchmarks/portal.sh, docs/performance.md); here only what must hold.
/// </summary>
[Collection(IntegrationFixtures.Name)]
public sealed class PortalBurstTests(AzuriteFixture azurite, SmtpFixture smtp) : PortalTests(azurite, smtp)
{
    private const int Clerks = 30;

    [Fact]
    public async Task Thirty_clerks_uploading_at_once_are_each_answered_and_none_is_lost_or_ingested_twice()
    {
        IReadOnlyList<string> departments = PortalSamples.Departments;
        var uploads = Enumerable.Range(0, Clerks)
            .Select(i => (Department: departments[i % departments.Count], File: PortalSamples.Variant(departments[i % departments.Count], 1 + (i / departments.Count))))
            .ToList();
        var clerks = new List<PortalClient>();
        try
        {
            foreach ((string department, _) in uploads)
            {
                clerks.Add(await Portal.Client().SignInAsync(department));
            }

            PortalUpload[] first = await AllAtOnceAsync(clerks, uploads);
            Assert.All(first, answer => Assert.True(answer.Accepted && !answer.AlreadyProcessed, $"{answer.Status}: {string.Join("; ", answer.Findings)}"));
            Assert.Equal(Clerks, first.Select(a => a.Id).Distinct().Count());

            List<SubmissionRecord> rows = await Portal.SubmissionsAsync();
            Assert.Equal(Clerks, rows.Count);
            for (int i = 0; i < Clerks; i++)
            {
                SubmissionRecord row = Assert.Single(rows, r => r.LedgerKey() == first[i].Id);
                Assert.Equal(uploads[i].Department, row.Department);
                Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(uploads[i].File.Content)), row.Sha256);
            }

            Assert.Equal(Clerks, (await Portal.ListAsync("archive/")).Count);
            Assert.Equal(Clerks, Smtp.Messages.Count);

            // The same bytes again, all at once: every one recognised, nothing new anywhere.
            PortalUpload[] again = await AllAtOnceAsync(clerks, uploads);
            Assert.All(again, answer => Assert.True(answer.AlreadyProcessed));
            Assert.Equal(first.Select(a => a.Id), again.Select(a => a.Id));
            Assert.Equal(Clerks, (await Portal.SubmissionsAsync()).Count);
            Assert.Equal(Clerks, (await Portal.ListAsync("archive/")).Count);
            Assert.Equal(Clerks, Smtp.Messages.Count);
            Assert.DoesNotContain(Portal.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
        }
        finally
        {
            clerks.ForEach(c => c.Dispose());
        }
    }

    private static async Task<PortalUpload[]> AllAtOnceAsync(List<PortalClient> clerks, List<(string Department, (string Name, byte[] Content) File)> uploads)
    {
        using var start = new SemaphoreSlim(0, clerks.Count);
        Task<PortalUpload>[] sending = [.. clerks.Select((clerk, i) => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await clerk.UploadJsonAsync(uploads[i].File.Name, uploads[i].File.Content);
        }))];
        start.Release(clerks.Count);
        return await Task.WhenAll(sending);
    }
}
