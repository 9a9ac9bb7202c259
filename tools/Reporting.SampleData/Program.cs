using Reporting.SampleData;

// Regenerates the bundled sample submissions, January to December 2022:
//   dotnet run --project tools/Reporting.SampleData            (writes functions/Reporting.Cli/SampleData/2022-01 … 2022-12)
//   dotnet run --project tools/Reporting.SampleData -- <dir>   (writes <dir>/{period}/{department}/{file})
// The output depends only on SampleSet.Seed: running it again changes nothing.
string target = args.Length > 0
    ? args[0]
    : Path.Combine(FindRepositoryRoot(), "functions", "Reporting.Cli", "SampleData");

foreach (string path in SampleSet.Default.WriteYearTo(target))
{
    Console.WriteLine(Path.GetRelativePath(Environment.CurrentDirectory, path));
}

return 0;

static string FindRepositoryRoot()
{
    for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Reporting.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (Reporting.sln not found), or pass the output folder.");
}
