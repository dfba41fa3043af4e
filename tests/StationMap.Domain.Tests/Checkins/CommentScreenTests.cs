using StationMap.Domain.Checkins;

namespace StationMap.Domain.Tests.Checkins;

public sealed class CommentScreenTests
{
    [Theory]
    [InlineData("热水很足，师傅人很好")]
    [InlineData("周末 9 点才开门")]
    [InlineData("微波炉坏了 2 台")]
    [InlineData("Toilet closed 12-14")]
    public void Ordinary_comments_pass(string comment) => Assert.Null(CommentScreen.Refusal(comment));

    [Theory]
    [InlineData("优惠 https://spam.example/x")]
    [InlineData("www.example.com 领红包")]
    [InlineData("加微信 abc123")]
    [InlineData("call 138 1234 5678")]
    [InlineData("电话：010-6512-3456")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("go to spam.top now")]
    public void Links_and_phone_numbers_are_refused(string comment) => Assert.NotNull(CommentScreen.Refusal(comment));
}
