#!/usr/bin/env python3
"""Writes src/PmBot.Core/Localization/Strings*.resx from the table below (run after editing it).

The .resx files are what the build uses; this table keeps both languages side by side so none is forgotten."""
import os
from xml.sax.saxutils import escape

S = [
("parse.unterminated_quote", "A quote is opened but never closed.", "引号没有闭合。"),
("parse.empty", "There is no command.", "没有输入命令。"),
("parse.unknown_command", "I don't know the command \"{0}\".", "我不认识命令“{0}”。"),
("parse.duplicate_option", "\"{0}\" is given twice.", "“{0}”出现了两次。"),
("parse.option_needs_value", "\"{0}\" needs a value after it.", "“{0}”后面需要一个值。"),
("parse.unexpected", "I didn't expect \"{0}\" here. Put text with spaces in quotes, e.g. \"Moon base\".", "这里不应出现“{0}”。含空格的文字请加引号，例如 \"Moon base\"。"),
("parse.missing", "The {0} is missing.", "缺少{0}。"),
("parse.empty_value", "The {0} is empty.", "{0}为空。"),
("parse.too_long", "The {0} is longer than {1} characters.", "{0}超过了 {1} 个字符。"),
("parse.bad_key", "\"{0}\" is not a valid project key: use 2-10 letters or digits, starting with a letter (e.g. APOLLO).", "“{0}”不是有效的项目代号：请使用 2-10 个字母或数字，以字母开头（例如 APOLLO）。"),
("parse.bad_date", "\"{0}\" is not a date I understand. Use YYYY-MM-DD, today, tomorrow, a weekday (friday) or +3d / +2w.", "无法识别日期“{0}”。请使用 YYYY-MM-DD、today、tomorrow、星期几（如 friday 或 周五）或 +3d / +2w。"),
("parse.bad_mention", "\"{0}\" is not a person. Mention them with @, e.g. @bob.", "“{0}”不是一个人。请用 @ 提及，例如 @bob。"),
("parse.bad_choice", "\"{0}\" is not one of: {1}.", "“{0}”不在可选项中：{1}。"),
("parse.bad_timezone", "\"{0}\" is not a time zone I know. Use an IANA name such as {1}.", "无法识别时区“{0}”。请使用 IANA 名称，例如 {1}。"),
("reply.usage", "Usage: {0}", "用法：{0}"),
("reply.did_you_mean", "Did you mean {0}? Type `help` to see every command.", "你是不是想输入 {0}？输入 `help` 查看全部命令。"),
("button.help_for", "Help: {0}", "帮助：{0}"),
("button.all_commands", "All commands", "全部命令"),
("button.submit", "Submit", "提交"),
("button.create_project", "Create a project", "创建项目"),
("button.my_projects", "Projects", "项目列表"),
("button.my_settings", "My settings", "我的设置"),
("button.members", "Members", "成员"),
("button.add_member", "Add member", "添加成员"),
("button.use_here", "Use here", "设为本会话项目"),
("button.show_project", "Show project", "查看项目"),
("hint.date", "YYYY-MM-DD", "YYYY-MM-DD"),
("choice.pm", "Project manager", "项目经理"),
("choice.member", "Team member", "团队成员"),
("choice.stakeholder", "Stakeholder", "干系人"),
("choice.en", "English", "English"),
("choice.zh-CN", "中文 (简体)", "中文（简体）"),
("param.name", "name", "名称"),
("param.key", "key", "项目代号"),
("param.start", "start date", "开始日期"),
("param.finish", "finish date", "完成日期"),
("param.project", "project", "项目"),
("param.user", "person", "成员"),
("param.role", "role", "角色"),
("param.zone", "time zone", "时区"),
("param.lang", "language", "语言"),
("param.command", "command", "命令"),
("error.conflict", "Someone else just changed the same thing. Please try again.", "其他人刚刚修改了同一内容，请重试。"),
("error.internal", "Something went wrong on my side. Your message was kept; please try again in a moment (reference {0}).", "我这边出了点问题。你的消息已保存，请稍后重试（参考编号 {0}）。"),
("error.too_long", "That message is too long: at most {0} characters, yours has {1}.", "消息太长：最多 {0} 个字符，你的有 {1} 个。"),
("error.role_required", "This needs the role {0} in {1}; yours is {2}.", "此操作需要在 {1} 中拥有{0}角色；你的角色是{2}。"),
("error.project_not_found", "There is no project with the key {0}. Type `project list` to see them.", "没有代号为 {0} 的项目。输入 `project list` 查看项目。"),
("error.no_project_selected", "Which project? Add `project KEY` to the command, or choose one for this conversation with `project use KEY`.", "是哪个项目？请在命令后加上 `project 代号`，或用 `project use 代号` 为本会话选择项目。"),
("role.pm", "PM", "项目经理"),
("role.member", "Member", "成员"),
("role.stakeholder", "Stakeholder", "干系人"),
("role.none", "none", "无"),
("status.planning", "Planning", "规划中"),
("status.active", "Active", "进行中"),
("status.closing", "Closing", "收尾中"),
("status.closed", "Closed", "已关闭"),
("common.none", "—", "—"),
("cmd.help", "Show the commands, or how to use one.", "显示全部命令，或某个命令的用法。"),
("cmd.help.title", "Help", "帮助"),
("cmd.help.example", "help project create", "help project create"),
("cmd.project.create", "Create a project; you become its PM.", "创建项目，你将成为项目经理。"),
("cmd.project.create.title", "Create a project", "创建项目"),
("cmd.project.create.example", "project create \"Apollo\" key APOLLO start today finish +12w", "project create \"阿波罗\" key APOLLO start today finish +12w"),
("cmd.project.list", "List the projects of this workspace.", "列出本工作区的项目。"),
("cmd.project.list.title", "Projects", "项目列表"),
("cmd.project.show", "Show a project (default: this conversation's).", "查看项目（默认为本会话的项目）。"),
("cmd.project.show.title", "Show a project", "查看项目"),
("cmd.project.show.example", "project show APOLLO", "project show APOLLO"),
("cmd.project.use", "Make a project this conversation's default.", "将项目设为本会话的默认项目。"),
("cmd.project.use.title", "Use a project here", "设置本会话项目"),
("cmd.project.use.example", "project use APOLLO", "project use APOLLO"),
("cmd.member.add", "Add a person to a project, or change their role (PMs only).", "将成员加入项目或修改其角色（仅项目经理）。"),
("cmd.member.add.title", "Add a member", "添加成员"),
("cmd.member.add.example", "member add @bob member", "member add @bob member"),
("cmd.member.list", "List a project's people and roles.", "列出项目成员及角色。"),
("cmd.member.list.title", "Members", "成员列表"),
("cmd.me", "Show my settings.", "查看我的设置。"),
("cmd.me.title", "My settings", "我的设置"),
("cmd.me.tz", "Set my time zone.", "设置我的时区。"),
("cmd.me.tz.title", "My time zone", "我的时区"),
("cmd.me.tz.example", "me tz Asia/Shanghai", "me tz Asia/Shanghai"),
("cmd.me.lang", "Set the language I speak to you.", "设置我与你交流的语言。"),
("cmd.me.lang.title", "My language", "我的语言"),
("cmd.me.lang.example", "me lang zh-CN", "me lang en"),
("help.title", "PmBot commands", "PmBot 命令"),
("help.intro", "I plan and track your projects right here in chat. Type a command, or click a button.", "我在聊天中帮你规划和跟踪项目。输入命令，或点击按钮。"),
("help.column.command", "Command", "命令"),
("help.column.what", "What it does", "说明"),
("help.footer", "Dates: YYYY-MM-DD, today, tomorrow, friday, +3d, +2w. Text with spaces goes in quotes.", "日期：YYYY-MM-DD、today、tomorrow、friday、+3d、+2w。含空格的文字请加引号。"),
("help.example", "Example: {0}", "示例：{0}"),
("field.key", "Key", "代号"),
("field.status", "Status", "状态"),
("field.pm", "PM", "项目经理"),
("field.members", "Members", "成员数"),
("field.start", "Planned start", "计划开始"),
("field.finish", "Planned finish", "计划完成"),
("field.goal", "Goal", "目标"),
("field.scope", "Scope", "范围"),
("field.name", "Name", "名称"),
("field.my_role", "My role", "我的角色"),
("field.role", "Role", "角色"),
("field.timezone", "Time zone", "时区"),
("field.local_time", "Local time", "当地时间"),
("field.language", "Language", "语言"),
("field.projects", "Projects", "项目"),
("project.bad_name", "A project name needs 1 to {0} characters.", "项目名称需要 1 到 {0} 个字符。"),
("project.finish_before_start", "The finish date {0} is before the start date {1}.", "完成日期 {0} 早于开始日期 {1}。"),
("project.key_taken", "The key {0} is already used by \"{1}\". Choose another with `key NEWKEY`.", "代号 {0} 已被“{1}”使用。请用 `key 新代号` 另选一个。"),
("project.created", "🎉 Project {0} created. {1} is its PM.", "🎉 项目 {0} 已创建，{1} 担任项目经理。"),
("project.none_yet", "There are no projects yet. Create the first one!", "还没有项目，来创建第一个吧！"),
("project.list_title", "Projects ({0})", "项目（{0}）"),
("project.list_hint", "Tip: `project use KEY` sets this conversation's project.", "提示：`project use 代号` 可设置本会话的项目。"),
("project.list_hint_default", "★ marks this conversation's project.", "★ 表示本会话的项目。"),
("project.now_default", "This conversation now works on {0} · {1}.", "本会话现在使用项目 {0} · {1}。"),
("member.already", "{0} is already {1} in {2}.", "{0} 已经是 {2} 的{1}。"),
("member.last_pm", "{0} is the only PM of {1}; add another PM first.", "{0} 是 {1} 唯一的项目经理，请先添加另一位项目经理。"),
("member.you_were_added", "{0} added you to {1} · {2} as {3}.", "{0} 已将你加入 {1} · {2}，角色：{3}。"),
("member.added", "{0} joined {1} as {2}.", "{0} 已加入 {1}，角色：{2}。"),
("member.role_changed", "{0} is now {2} in {1}.", "{0} 在 {1} 中的角色已改为{2}。"),
("member.unknown", "I don't know anyone called @{0} here. They need to say hello to PmBot once, or mention them with your chat's @ picker.", "这里没有名为 @{0} 的人。请让对方先和 PmBot 打个招呼，或使用聊天工具的 @ 选择器提及对方。"),
("member.ambiguous", "@{0} could be several people: {1}. Use their full name in quotes.", "@{0} 可能指多个人：{1}。请用引号写出全名。"),
("member.list_title", "{0} members ({1})", "{0} 成员（{1}）"),
("me.from_channel", "(default)", "（默认）"),
("me.hint", "Change them with `me tz Asia/Shanghai` or `me lang zh-CN`.", "可以用 `me tz Asia/Shanghai` 或 `me lang en` 修改。"),
("me.tz_set", "Your time zone is now {0} (it is {1} there).", "你的时区已设为 {0}（当地时间 {1}）。"),
("me.lang_set", "I'll speak {0} with you from now on.", "从现在起我会用{0}和你交流。"),
("lang.en", "English", "英语"),
("lang.zh-CN", "Chinese (Simplified)", "简体中文"),
("webchat.bad_request", "I couldn't read that request: {0}", "无法读取该请求：{0}"),
("webchat.no_session", "Choose who you are first.", "请先选择你的身份。"),
("webchat.unknown_user", "There is no such local user.", "没有这个本地用户。"),
]

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, col):
    keys = [row[0] for row in S]
    assert len(keys) == len(set(keys)), "duplicate key"
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for row in S:
            f.write(f'  <data name="{escape(row[0])}" xml:space="preserve"><value>{escape(row[col])}</value></data>\n')
        f.write("</root>\n")

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "src", "PmBot.Core", "Localization")
write(os.path.join(out, "Strings.resx"), 1)
write(os.path.join(out, "Strings.zh-CN.resx"), 2)
print(f"{len(S)} strings written")
