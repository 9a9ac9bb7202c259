using System.Runtime.CompilerServices;

namespace Reporting.Core.Storage;

/// <summary>
/// A store in a folder, laid out exactly like the blob containers, so `reporting demo`
/// runs on a fresh machine with nothing else running. Writes go to a temporary file and are
/// renamed into place, so a reader never sees half a file.
/// </summary>
public sealed class FolderReportStore : IReportStore
{
    private const string TempPrefix = ".tmp-";
    private const string LockFileName = ".store.lock";

    // Writes are check-then-rename; one process-wide gate plus a lock file keeps them atomic against other threads and
    // other `reporting` processes. Only the rename is gated: the content is written to the temporary file before.
    private static readonly SemaphoreSlim s_writeGate = new(1, 1);

    // The last modification time a write was given (under the gate), in ticks: see StampAfter.
    private static long s_lastStamp;

    private readonly string _root;

    public FolderReportStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Location => _root;

    public Task<StoredObject?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(ToFullPath(path));
        return Task.FromResult(file.Exists ? Describe(path, file) : null);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string fullPath = ToFullPath(path);
        try
        {
            Stream stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<StoredObject> WriteAsync(string path, Stream content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        string fullPath = ToFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        string tempPath = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var target = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return await MoveIntoPlaceAsync(path, tempPath, fullPath, condition, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }
        }
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        string container = prefix.Contains('/') ? prefix[..prefix.IndexOf('/')] : prefix;
        if (!Containers.All.Contains(container))
        {
            throw new ArgumentException($"Unknown container in prefix '{StorePath.Printable(prefix)}'.", nameof(prefix));
        }

        string containerPath = Path.Combine(_root, container);
        if (!Directory.Exists(containerPath))
        {
            yield break;
        }

        var paths = new List<string>();
        foreach (string file in Directory.EnumerateFiles(containerPath, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith(TempPrefix, StringComparison.Ordinal) || name == LockFileName)
            {
                continue;
            }

            string storePath = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (storePath.StartsWith(prefix, StringComparison.Ordinal))
            {
                paths.Add(storePath);
            }
        }

        paths.Sort(StringComparer.Ordinal);
        foreach (string storePath in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(Path.Combine(_root, storePath));
            if (file.Exists)
            {
                yield return Describe(storePath, file);
            }
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        string fullPath = ToFullPath(path);
        if (!File.Exists(fullPath))
        {
            return Task.FromResult(false);
        }

        File.Delete(fullPath);
        return Task.FromResult(true);
    }

    // Every write, conditional or not, is checked, stamped, renamed and described under the gate and the lock file, so the
    // ETag it returns is the one it wrote and no other write can slip between the check and the rename.
    private async Task<StoredObject> MoveIntoPlaceAsync(string path, string tempPath, string fullPath, WriteCondition condition, CancellationToken cancellationToken)
    {
        await s_writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using FileStream processLock = await FolderLock.AcquireAsync(Path.Combine(_root, LockFileName), cancellationToken).ConfigureAwait(false);
            var existing = new FileInfo(fullPath);
            bool holds = condition.Kind switch
            {
                WriteConditionKind.IfNotExists => !existing.Exists,
                WriteConditionKind.IfMatch => existing.Exists && Describe(path, existing).ETag == condition.ETag,
                _ => true,
            };
            if (!holds)
            {
                throw new StoreConflictException(path);
            }

            StampAfter(tempPath, existing);
            File.Move(tempPath, fullPath, overwrite: true);
            return Describe(path, new FileInfo(fullPath));
        }
        finally
        {
            s_writeGate.Release();
        }
    }

    /// <summary>
    /// The ETag is the file's modification time and length, and the file system's clock is coarse (ext4 stamps files
    /// written within the same few milliseconds alike): two writes of the same length in one tick would share an ETag,
    /// and a writer holding the first would overwrite the second. So a new version's time is set strictly after the
    /// version it replaces, and after every time this process gave before (a path deleted and written again).
    /// </summary>
    private static void StampAfter(string tempPath, FileInfo replaced)
    {
        long floor = Math.Max(s_lastStamp, replaced.Exists ? replaced.LastWriteTimeUtc.Ticks : 0);
        long stamp = Math.Max(File.GetLastWriteTimeUtc(tempPath).Ticks, floor + 1);

        // A file system keeping coarser times than 100 ns (FAT: 2 s) rounds the stamp down: step until it is after.
        for (long step = TimeSpan.TicksPerMillisecond; ; step *= 10)
        {
            File.SetLastWriteTimeUtc(tempPath, new DateTime(stamp, DateTimeKind.Utc));
            long written = File.GetLastWriteTimeUtc(tempPath).Ticks;
            if (written > floor || step > TimeSpan.TicksPerDay)
            {
                s_lastStamp = written;
                return;
            }

            stamp += step;
        }
    }

    private string ToFullPath(string path)
    {
        StorePath.Validate(path);
        string fullPath = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));

        // Validate already refuses "..": this is the belt to its braces.
        if (!fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Path '{StorePath.Printable(path)}' escapes the store.", nameof(path));
        }

        return fullPath;
    }

    private static StoredObject Describe(string path, FileInfo file) =>
        new(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero), $"\"{file.LastWriteTimeUtc.Ticks:x}-{file.Length:x}\"");
}
