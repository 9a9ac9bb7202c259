namespace Reporting.Core.Ingestion.Sheets;

/// <summary>Builds the record of one row of a sheet's kind, with that kind's rules (domain.md, "Validation").</summary>
internal interface IRecordBuilder
{
    /// <summary>Records accepted from the sheet so far.</summary>
    int Records { get; }

    /// <summary>Reads the row into a record, raising its findings; false when the rest of the sheet cannot be read.</summary>
    bool Build(RowView row, string nameText);

    /// <summary>Ends the sheet: rows held back until what follows them was known are settled.</summary>
    void Finish()
    {
    }

    /// <summary>A section row starts a new group of rows: nothing before it is the parent of anything after.</summary>
    void NewSection()
    {
    }
}
