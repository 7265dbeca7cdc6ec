using PmBot.Core.Csv;

namespace PmBot.Core.Tests.Csv;

public class CsvReaderTests
{
    private static CsvDocument Read(string text)
    {
        Assert.True(CsvReader.TryRead(text, out var document, out var line), $"unclosed quote at line {line}");
        return document;
    }

    private static string[][] Fields(string text) => Read(text).Records.Select(r => r.Fields.ToArray()).ToArray();

    [Fact]
    public void TryRead_PlainRows_SplitsFieldsAndRecords()
    {
        Assert.Equal([["id", "name"], ["1", "Design"], ["2", ""]], Fields("id,name\r\n1,Design\r\n2,\r\n"));
    }

    [Fact]
    public void TryRead_QuotedFields_KeepSeparatorsAndDoubledQuotes()
    {
        Assert.Equal([["a", "b"], ["Design, build", "the \"big\" one"]], Fields("a,b\n\"Design, build\",\"the \"\"big\"\" one\""));
    }

    [Fact]
    public void TryRead_LineBreakInsideQuotes_IsPartOfTheFieldAndLinesKeepCounting()
    {
        var document = Read("id,description\n1,\"first line\r\nsecond line\"\n2,short\n");

        Assert.Equal("first line\nsecond line", document.Records[1].Fields[1]);
        Assert.Equal([1, 2, 4], document.Records.Select(r => r.Line));
    }

    [Fact]
    public void TryRead_ByteOrderMark_IsNotPartOfTheFirstHeader()
    {
        Assert.Equal("id", Fields("\uFEFFid,name\n1,x")[0][0]);
    }

    [Theory]
    [InlineData("id;name;days\n1;Design, phase 1;3", ';')]
    [InlineData("id\tname\tdays\n1\tDesign, phase 1\t3", '\t')]
    [InlineData("id,name,days\n1,\"Design, phase 1\",3", ',')]
    public void TryRead_Separator_IsDetectedFromTheHeader(string text, char separator)
    {
        var document = Read(text);

        Assert.Equal(separator, document.Separator);
        Assert.Equal(["1", "Design, phase 1", "3"], document.Records[1].Fields);
    }

    [Fact]
    public void DetectSeparator_SeparatorsInsideQuotes_AreNotCounted()
    {
        Assert.Equal(';', CsvReader.DetectSeparator("\"a,b,c\";d\n1,2,3,4,5"));
    }

    [Fact]
    public void TryRead_BlankLinesAndOldMacLineEnds_AreSkippedAndCounted()
    {
        var document = Read("id,name\r\r1,a\r\n\n2,b");

        Assert.Equal([1, 3, 5], document.Records.Select(r => r.Line));
    }

    [Fact]
    public void TryRead_SpacesBeforeAnOpeningQuote_StillQuote()
    {
        Assert.Equal(["1", "a, b"], Fields("1, \"a, b\"")[0]);
    }

    [Fact]
    public void TryRead_QuoteInsideAnUnquotedField_IsKept()
    {
        Assert.Equal(["5\" screen", "x"], Fields("5\" screen,x")[0]);
    }

    [Fact]
    public void TryRead_UnclosedQuote_FailsWithTheLineItOpenedOn()
    {
        Assert.False(CsvReader.TryRead("id,name\n1,ok\n2,\"never closed\n3,x\n", out _, out var line));
        Assert.Equal(3, line);
    }

    [Fact]
    public void TryRead_Empty_HasNoRecords()
    {
        Assert.Empty(Read("").Records);
        Assert.Empty(Read("\uFEFF\n\n").Records);
    }
}
