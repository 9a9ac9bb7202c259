namespace Reporting.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite and one SMTP server for the whole run (starting Azurite takes about a second).
/// Tests stay independent: each creates stores with its own container/table prefix and clears
/// the captured mail first; the collection runs its tests one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntegrationFixtures : ICollectionFixture<AzuriteFixture>, ICollectionFixture<SmtpFixture>
{
    public const string Name = "Azurite and SMTP";
}

/// <summary>
/// The mailbox's own collection: Azurite, the SMTP server for the replies and dovecot for the reporting mailbox. Separate
/// from <see cref="IntegrationFixtures"/> so that a machine without dovecot fails the mailbox tests alone, with the reason.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MailboxFixtures : ICollectionFixture<AzuriteFixture>, ICollectionFixture<SmtpFixture>, ICollectionFixture<ImapFixture>
{
    public const string Name = "Azurite, SMTP and IMAP";
}
