using System.Collections.Concurrent;
using MimeKit;
using Reporting.Core.Delivery;
using Reporting.Infrastructure.Mail;

namespace Reporting.Tests.Delivery;

/// <summary>A clock the test sets.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Each reading a minute after the previous one: uploads arrive in order, so "latest submission wins" is deterministic.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        DateTimeOffset now = _now;
        _now = _now.AddMinutes(1);
        return now;
    }
}

/// <summary>
/// An in-memory mail sender for the ledger logic (the SMTP path is tested against a real
/// server in Reporting.IntegrationTests): records what it was given as the MIME message the real
/// senders would write, fails on demand.
/// </summary>
internal sealed class RecordingSender : IMailSender
{
    private readonly ConcurrentQueue<MimeMessage> _sent = new();

    public Func<MimeMessage, Exception?> FailWhen { get; set; } = _ => null;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<MimeMessage> Sent => _sent.ToArray();

    public int Calls;

    /// <summary>Completed when a send begins, so a test can act mid-send without guessing how long the claim before it takes.</summary>
    public TaskCompletionSource SendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<string> SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Calls);
        MimeMessage message = MimeMessages.Create(mail);
        SendStarted.TrySetResult();
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (FailWhen(message) is { } failure)
        {
            throw failure;
        }

        _sent.Enqueue(message);
        return message.MessageId!;
    }
}
