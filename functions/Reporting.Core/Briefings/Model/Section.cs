namespace Reporting.Core.Briefings.Model;

/// <summary>A numbered section such as "一、总体情况".</summary>
public sealed record Section(string Number, string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>The heading as printed: number, 顿号, title.</summary>
    public string Heading => Number + "、" + Title;

    public IEnumerable<string> Texts()
    {
        yield return Heading;
        foreach (Block block in Blocks)
        {
            foreach (string text in block.Texts())
            {
                yield return text;
            }
        }
    }
}
