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
