using System.Text;
using PmBot.Core.Csv;

namespace PmBot.Core.Tests.Csv;

public class CsvWriterTests
{
    [Fact]
    public void Write_FieldsNeedingQuotes_AreQuotedWithDoubledQuotes()
    {
        var csv = CsvWriter.Write([["id", "name"], ["1", "Design, \"big\""], ["2", "two\nlines"], ["3", " padded"], ["4", "plain"]]);

        Assert.Equal("id,name\r\n1,\"Design, \"\"big\"\"\"\r\n2,\"two\nlines\"\r\n3,\" padded\"\r\n4,plain\r\n", csv);
    }

    [Fact]
    public void Write_Semicolons_QuoteOnlyTheSeparatorInUse()
    {
        Assert.Equal("a,b;\"c;d\"\r\n", CsvWriter.Write([["a,b", "c;d"]], ';'));
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameFields()
    {
        string[][] records = [["id", "名称", "description"], ["1", "登月, 第一阶段", "line 1\r\nline \"2\""], ["", "", " x "]];

        Assert.True(CsvReader.TryRead(CsvWriter.Write(records), out var document, out _));

        Assert.Equal(["id", "名称", "description"], document.Records[0].Fields);
        Assert.Equal(["1", "登月, 第一阶段", "line 1\nline \"2\""], document.Records[1].Fields);
        Assert.Equal(["", "", " x "], document.Records[2].Fields);
    }

    [Fact]
    public void Utf8WithBom_StartsWithTheByteOrderMark()
    {
        var bytes = CsvWriter.Utf8WithBom("名称\r\n");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("名称\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
