using Reporting.Core.Storage;
using Reporting.Tests.Storage.Contracts;

namespace Reporting.Tests.Storage;

/// <summary>The shared store contract, run against the folder store.</summary>
public sealed class FolderReportStoreContractTests : ReportStoreContract, IDisposable
{
    private readonly TempFolders _folders = new("reporting-store-contract");

    protected override Task<IReportStore> CreateStoreAsync() => Task.FromResult<IReportStore>(new FolderReportStore(_folders.Create()));

    public void Dispose() => _folders.Dispose();
}

/// <summary>The shared ledger contract, run against the folder ledger.</summary>
public sealed class FolderLedgerStoreContractTests : LedgerStoreContract, IDisposable
{
    private readonly TempFolders _folders = new("reporting-ledger-contract");

    protected override Task<ILedgerStore> CreateLedgerAsync() => Task.FromResult<ILedgerStore>(new FolderLedgerStore(_folders.Create()));

    public void Dispose() => _folders.Dispose();
}

internal sealed class TempFolders(string prefix) : IDisposable
{
    private readonly List<string> _created = [];

    public string Create()
    {
        string path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        _created.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (string path in _created.Where(Directory.Exists))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
