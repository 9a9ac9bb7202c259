namespace Reporting.Core.Storage;

/// <summary>
/// The lock file the folder stores take around a check-then-write, so two `reporting` processes on one folder (the
/// portal from `reporting serve` and a command in another window) cannot both pass the same check. On Unix .NET holds
/// FileShare.None with an advisory lock, which every .NET process honours; a process that dies drops it.
/// </summary>
internal static class FolderLock
{
    public static async Task<FileStream> AcquireAsync(string lockPath, CancellationToken cancellationToken)
    {
        // Holders keep it for one rename, so 5 s of waiting means something is wrong: the IOException says what.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
