using System.Text;
using Reporting.Core.Briefings.Model;

namespace Reporting.Core.Briefings.Composition;

/// <summary>Builds a paragraph from plain text and key figures (set in bold), merging adjacent runs of one style.</summary>
internal sealed class ProseBuilder
{
    private readonly List<TextRun> _runs = [];
    private readonly StringBuilder _pending = new();
    private RunStyle _pendingStyle = RunStyle.Normal;

    public bool IsEmpty => _runs.Count == 0 && _pending.Length == 0;

    public ProseBuilder Text(string text) => Append(text, RunStyle.Normal);

    public ProseBuilder Figure(string text) => Append(text, RunStyle.Figure);

    public Paragraph Build()
    {
        Flush();
        return new Paragraph(_runs.ToArray());
    }

    public IReadOnlyList<TextRun> BuildRuns()
    {
        Flush();
        return _runs.ToArray();
    }

    private ProseBuilder Append(string text, RunStyle style)
    {
        if (text.Length == 0)
        {
            return this;
        }

        if (style != _pendingStyle)
        {
            Flush();
            _pendingStyle = style;
        }

        _pending.Append(text);
        return this;
    }

    private void Flush()
    {
        if (_pending.Length > 0)
        {
            _runs.Add(new TextRun(_pending.ToString(), _pendingStyle));
            _pending.Clear();
        }
    }
}
