namespace Reporting.Core.Briefings.Pdf.Layout;

/// <summary>The flow position: pages laid out so far and how far down the current one we are.</summary>
internal sealed class PageCursor
{
    private readonly List<PageLayout> _pages = [];

    public PageCursor() => NewPage();

    public IReadOnlyList<PageLayout> Pages => _pages;

    public PageLayout Page => _pages[^1];

    public int PageIndex => _pages.Count - 1;

    /// <summary>Top of the next thing to place.</summary>
    public double Y { get; set; }

    public double Remaining => PageGeometry.Bottom - Y;

    /// <summary>Whether nothing has been placed on the current page yet (a new page would not help).</summary>
    public bool AtPageTop => Y <= PageGeometry.Top + 0.01;

    public void NewPage()
    {
        _pages.Add(new PageLayout());
        Y = PageGeometry.Top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits below the cursor.</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining + 0.01 && !AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>Adds vertical space, but never at the top of a page.</summary>
    public void Space(double height)
    {
        if (!AtPageTop)
        {
            Y = Math.Min(Y + height, PageGeometry.Bottom);
        }
    }

    public void Add(PageElement element) => Page.Elements.Add(element);
}
