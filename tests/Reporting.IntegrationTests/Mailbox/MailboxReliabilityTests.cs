using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Cli;
using Reporting.Core.Configuration;
using Reporting.Core.Delivery;
using Reporting.Core.Ingestion.Submissions;
using Reporting.Core.Mailbox;
using Reporting.Core.Storage;
using Reporting.Functions;
using Reporting.Infrastructure.Mail;
using Reporting.IntegrationTests.Functions;
using Reporting.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Reporting.IntegrationTests.Mailbox;

/// <summary>
/// A re-run, a crash mid-way, two runs at once, the mail server or the IMAP server going away: nothing is ingested
/// twice and every message is answered once. Also the timer function and <c>reporting mailbox</c> as entrances.
/// </summary>
[Collection(MailboxFixtures.Name)]
public sealed class MailboxReliabilityTests(AzuriteFixture azurite, SmtpFixture smtp, ImapFixture imap, ITestOutputHelper output) : MailboxTests(azurite, smtp, imap)
{
    [Fact]
    public async Task A_second_run_finds_nothing_and_the_same_message_delivered_again_is_only_filed()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);
        await RunAsync();

        MailboxRunReport second = await RunAsync();
        await DeliverAsync(mail);
        MailboxRunReport redelivered = await RunAsync();

        Assert.Empty(second.Messages);
        Assert.Equal(MessageResult.AlreadyHandled, Assert.Single(redelivered.Messages).Result);
        Assert.Single(await SubmissionsAsync());
        Assert.Single(RepliesTo(mail));
        Assert.Equal((0, 2, 0), await FoldersAsync());
    }

    [Fact]
    public async Task Two_runs_at_once_on_two_instances_ingest_each_spreadsheet_once_and_answer_each_message_once()
    {
        FunctionsTestHost second = NewHost(shareWith: Host);
        List<TestMail> mails = [.. Enumerable.Range(1, 6).Select(i => TestMail.Authenticated($"安源区2022年12月调度表（第{i}版）").Attach($"安源区12月第{i}版.xlsx", Samples.Projects(Host.Options).Content))];
        foreach (TestMail mail in mails)
        {
            await DeliverAsync(mail);
        }

        MailboxRunReport[] reports = await Task.WhenAll(Task.Run(() => RunAsync(Host)), Task.Run(() => RunAsync(second)));

        Assert.All(reports, r => Assert.Null(r.Error));
        Assert.Equal(6, reports.Sum(r => r.Count(MessageResult.Answered)));
        Assert.Equal(6, (await SubmissionsAsync()).Count);
        Assert.All(mails, mail => Assert.Single(RepliesTo(mail)));
        Assert.Equal(6, Smtp.Messages.Count);
        List<LedgerRow<DeliveryRecord>> receipts = await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("anyuan"));
        Assert.All(receipts, row => Assert.Equal((DeliveryStatus.Sent, 1), (row.Value.Status, row.Value.Attempts)));
        (int inbox, int processed, int kept) = await FoldersAsync();
        Assert.Equal((0, 6, 0), (inbox, processed, kept));
    }

    [Fact]
    public async Task The_imap_server_going_down_mid_run_stops_the_run_and_the_next_run_finishes_answering_each_message_once()
    {
        FunctionsTestHost host = NewHost(overrides: services => services.AddSingleton<IReportingMailbox>(sp =>
            new FaultyMailbox(new ImapReportingMailbox(sp.GetRequiredService<ReportingOptions>().Mailbox))
            {
                BeforeAttachment = n => n == 3 ? Imap.StopAsync() : Task.CompletedTask,
            }));
        List<TestMail> mails = [.. Enumerable.Range(1, 4).Select(i => TestMail.Authenticated($"12月调度表{i}").Attach($"调度表{i}.xlsx", Samples.Projects(host.Options).Content))];
        foreach (TestMail mail in mails)
        {
            await DeliverAsync(mail);
        }

        MailboxRunReport interrupted = await RunAsync(host);
        await Imap.StartAsync();
        (int Inbox, int Processed, int Kept) afterOutage = await FoldersAsync();
        MailboxRunReport resumed = await RunAsync(host);

        Assert.NotNull(interrupted.Error);
        Assert.Equal([MessageResult.Answered, MessageResult.Answered, MessageResult.Retry], interrupted.Messages.Select(m => m.Result));
        Assert.Equal((2, 2, 0), afterOutage);
        Assert.Null(resumed.Error);
        Assert.Equal([MessageResult.Answered, MessageResult.Answered], resumed.Messages.Select(m => m.Result));
        Assert.Equal(4, (await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions)).Count);
        Assert.All(mails, mail => Assert.Single(RepliesTo(mail)));
        Assert.Equal((0, 4, 0), await FoldersAsync());
        MailboxRecord third = (await host.Services.GetRequiredService<MailboxService>().GetMessagesAsync()).Single(m => m.Subject == "12月调度表3");
        Assert.Equal((MailboxState.Answered, 2, null), (third.State, third.Attempts, third.LastError));
    }

    [Fact]
    public async Task A_run_that_dies_after_answering_but_before_moving_leaves_the_next_run_only_the_move()
    {
        FunctionsTestHost host = NewHost(overrides: services => services.AddSingleton<IReportingMailbox>(sp =>
            new FaultyMailbox(new ImapReportingMailbox(sp.GetRequiredService<ReportingOptions>().Mailbox))
            {
                FailMoves = 1,
            }));
        (string name, byte[] content) = Samples.Projects(host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);

        MailboxRunReport crashed = await RunAsync(host);
        MailboxRunReport next = await RunAsync(host);

        Assert.NotNull(crashed.Error);
        Assert.Equal(MessageResult.Retry, Assert.Single(crashed.Messages).Result);
        Assert.Equal(MessageResult.AlreadyHandled, Assert.Single(next.Messages).Result);
        Assert.Single(await host.RowsAsync<SubmissionRecord>(LedgerTables.Submissions));
        Assert.Single(RepliesTo(mail));
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task A_reply_the_mail_server_refused_leaves_the_message_in_the_mailbox_and_the_next_run_sends_it_once()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);
        Smtp.Mode = SmtpMode.RejectTransient;

        MailboxRunReport refused = await RunAsync();
        (int Inbox, int Processed, int Kept) waiting = await FoldersAsync();
        Smtp.Mode = SmtpMode.Accept;
        MailboxRunReport retried = await RunAsync();

        Assert.Equal(MessageResult.Retry, Assert.Single(refused.Messages).Result);
        Assert.Equal((1, 0, 0), waiting);
        Assert.Equal(MessageResult.Answered, Assert.Single(retried.Messages).Result);
        SubmissionRecord submission = Assert.Single(await SubmissionsAsync()).Value;
        Assert.Equal(SubmissionResult.Accepted, submission.Status);
        Assert.Single(RepliesTo(mail));
        DeliveryRecord receipt = Assert.Single(await Host.RowsAsync<DeliveryRecord>(LedgerTables.Deliveries, DeliveryService.ReceiptPartition("anyuan"))).Value;
        Assert.Equal((DeliveryStatus.Sent, 2), (receipt.Status, receipt.Attempts));
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task The_timer_function_reads_the_mailbox_and_logs_an_outage_without_throwing()
    {
        (string name, byte[] content) = Samples.Projects(Host.Options);
        TestMail mail = TestMail.Authenticated().Attach(name, content);
        await DeliverAsync(mail);

        await Host.Create<ReadMailboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await Imap.StopAsync();
        await Host.Create<ReadMailboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
        await Imap.StartAsync();

        Assert.Single(RepliesTo(mail));
        Assert.Equal((0, 1, 0), await FoldersAsync());
    }

    [Fact]
    public async Task Without_a_configured_mailbox_the_timer_does_nothing()
    {
        var host = new FunctionsTestHost(Azurite, Smtp, new ManualClock(FunctionHostTests.UploadTime));
        try
        {
            Assert.False(host.Services.GetRequiredService<MailboxService>().IsConfigured);
            Assert.Same(MailboxRunReport.NotConfigured, await host.Services.GetRequiredService<MailboxService>().RunOnceAsync());
            await host.Create<ReadMailboxFunction>().RunAsync(new TimerInfo(), CancellationToken.None);
            Assert.Empty(await host.RowsAsync<MailboxRecord>(LedgerTables.Mailbox));
        }
        finally
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task Reporting_mailbox_once_reads_the_mailbox_and_status_and_assign_serve_the_office()
    {
        string folder = Directory.CreateTempSubdirectory("reporting-mailbox-cli-").FullName;
        string config = Path.Combine(folder, "office.json");
        try
        {
            var settings = new Dictionary<string, object?>
            {
                ["Contacts"] = new Dictionary<string, string> { ["anyuan"] = AnyuanClerk },
                ["Delivery"] = new Dictionary<string, object?> { ["From"] = SmtpFixture.UserName, ["Smtp"] = Smtp.Settings(string.Empty).ToDictionary(s => s.Key, s => s.Value) },
                ["Mailbox"] = new Dictionary<string, object?>
                {
                    ["Imap"] = Imap.Settings(Account, string.Empty).Where(s => s.Key.StartsWith("Imap:", StringComparison.Ordinal)).ToDictionary(s => s.Key["Imap:".Length..], s => s.Value),
                    ["AuthServId"] = ImapFixture.AuthServId,
                },
            };
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new Dictionary<string, object?> { ["Reporting"] = settings }));
            (string name, byte[] content) = Samples.Projects(Host.Options);
            TestMail accepted = TestMail.Authenticated().Attach(name, content);
            TestMail stranger = new TestMail { From = "zhang.clerk@qq.example", Subject = "安源区12月报表" }.Attach(name, content);
            await DeliverAsync(accepted);
            await DeliverAsync(stranger);

            (int read, string readOutput) = await CliAsync("mailbox", "--once", "--store", folder, "--config", config);
            (int status, string statusOutput) = await CliAsync("status", "--period", "2022-12", "--store", folder, "--config", config);
            (int assign, string assignOutput) = await CliAsync("mailbox", "--assign", MessageKeys.Display(Key(stranger)), "--department", "anyuan", "--by", "李四", "--store", folder, "--config", config);
            (int after, string afterOutput) = await CliAsync("status", "--period", "2022-12", "--store", folder, "--config", config);

            Assert.True(read == CliApp.Ok, readOutput);
            Assert.Contains("已受理并回复", readOutput, StringComparison.Ordinal);
            Assert.Contains("待人工处理", readOutput, StringComparison.Ordinal);
            Assert.Equal(CliApp.Ok, status);
            Assert.Contains("报送邮箱中有1封邮件待人工处理", statusOutput, StringComparison.Ordinal);
            Assert.Contains($"[{MessageKeys.Display(Key(stranger))}]", statusOutput, StringComparison.Ordinal);
            Assert.Contains("zhang.clerk@qq.example 不是任何部门登记的报送邮箱", statusOutput, StringComparison.Ordinal);
            Assert.True(assign == CliApp.Ok, assignOutput);
            Assert.Contains("已由李四于", assignOutput, StringComparison.Ordinal);
            Assert.Contains("已受理", assignOutput, StringComparison.Ordinal);
            Assert.Equal(CliApp.Ok, after);
            Assert.DoesNotContain("待人工处理", afterOutput, StringComparison.Ordinal);
            Assert.Equal(2, Smtp.Messages.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_full_mailbox_is_worked_through_oldest_first_a_batch_a_run()
    {
        const int Count = 40;
        FunctionsTestHost host = NewHost(new Dictionary<string, string?> { ["Reporting:Mailbox:MaxMessagesPerRun"] = "30" });
        (string name, byte[] content) = Samples.Projects(host.Options);
        for (int i = 0; i < Count; i++)
        {
            await DeliverAsync(TestMail.Authenticated($"安源区12月调度表{i:00}").Attach(name, content));
        }

        var clock = Stopwatch.StartNew();
        MailboxRunReport first = await RunAsync(host);
        MailboxRunReport second = await RunAsync(host);
        clock.Stop();

        Assert.Equal([.. Enumerable.Range(0, 30).Select(i => $"安源区12月调度表{i:00}")], first.Messages.Select(m => m.Subject));
        Assert.Equal([.. Enumerable.Range(30, 10).Select(i => $"安源区12月调度表{i:00}")], second.Messages.Select(m => m.Subject));
        Assert.All(first.Messages.Concat(second.Messages), m => Assert.Equal(MessageResult.Answered, m.Result));
        Assert.Equal(Count, Smtp.Messages.Count);
        Assert.Equal((0, Count, 0), await FoldersAsync());

        // For the record (README, 邮件报送), not a limit: the build machine's two cores are shared.
        output.WriteLine($"{Count} messages (one 安源区 workbook each) read, archived, ingested, answered and filed in {clock.Elapsed.TotalSeconds:0.0} s ({clock.Elapsed.TotalMilliseconds / Count:0} ms a message)");
    }

    private static async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output + error.ToString());
    }

    /// <summary>The real IMAP mailbox with faults at chosen moments: before the n-th attachment is downloaded, or at a move.</summary>
    private sealed class FaultyMailbox(IReportingMailbox inner) : IReportingMailbox
    {
        private int _attachments;
        private int _failedMoves;

        public Func<int, Task> BeforeAttachment { get; init; } = _ => Task.CompletedTask;

        public int FailMoves { get; init; }

        public bool IsConfigured => inner.IsConfigured;

        public async Task<IMailboxSession> OpenAsync(CancellationToken cancellationToken = default) =>
            new Session(this, await inner.OpenAsync(cancellationToken));

        private sealed class Session(FaultyMailbox owner, IMailboxSession inner) : IMailboxSession
        {
            public Task<IReadOnlyList<IncomingMessage>> ListAsync(int max, CancellationToken cancellationToken = default) => inner.ListAsync(max, cancellationToken);

            public async Task<Stream> OpenAttachmentAsync(IncomingMessage message, IncomingAttachment attachment, CancellationToken cancellationToken = default)
            {
                await owner.BeforeAttachment(Interlocked.Increment(ref owner._attachments));
                return await inner.OpenAttachmentAsync(message, attachment, cancellationToken);
            }

            public Task MoveAsync(IncomingMessage message, MailboxFolder folder, CancellationToken cancellationToken = default) =>
                Interlocked.Increment(ref owner._failedMoves) <= owner.FailMoves
                    ? throw new MailboxUnavailableException("connection to the IMAP server lost while moving a handled message (test)")
                    : inner.MoveAsync(message, folder, cancellationToken);

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
