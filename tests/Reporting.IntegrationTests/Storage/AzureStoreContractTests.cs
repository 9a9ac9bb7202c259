using Reporting.Core.Storage;
using Reporting.IntegrationTests.Infrastructure;
using Reporting.Tests.Storage.Contracts;

namespace Reporting.IntegrationTests.Storage;

/// <summary>The shared store contract, run against Azure Blob Storage on Azurite.</summary>
[Collection(IntegrationFixtures.Name)]
public sealed class AzureBlobReportStoreContractTests(AzuriteFixture azurite) : ReportStoreContract
{
    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult<IReportStore>(azurite.CreateStores().Store);
}

/// <summary>The shared ledger contract, run against Azure Table storage on Azurite.</summary>
[Collection(IntegrationFixtures.Name)]
public sealed class AzureTableLedgerStoreContractTests(AzuriteFixture azurite) : LedgerStoreContract
{
    protected override Task<ILedgerStore> CreateLedgerAsync() => Task.FromResult<ILedgerStore>(azurite.CreateStores().Ledger);
}
