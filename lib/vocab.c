/* vocab.c -- the vocabulary table and its lookups */
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "error.h"
#include "hashtab.h"
#include "text.h"
#include "vocab.h"

const struct vocab_entry vocab_table[] = {
	/* household categories (户类型) */
	{ "category", "lifted", "lifted", "脱贫户", "脱贫人口|脱贫" },
	{ "category", "monitored", "monitored", "监测户", "监测对象|监测" },
	{ "category", "minimum_allowance", "minimum allowance", "低保户", "低保" },
	{ "category", "serious_illness", "serious illness", "大病户", "大病" },
	{ "category", "extreme_poverty", "extreme poverty", "特困户", "特困|特困供养" },
	{ "category", "ordinary", "ordinary", "一般农户", "一般户|普通农户" },
	/* subtypes of monitored households (监测类型) */
	{ "monitor_type", "unstable", "unstable", "脱贫不稳定户", "脱贫不稳定" },
	{ "monitor_type", "marginal", "marginal", "边缘易致贫户", "边缘易致贫" },
	{ "monitor_type", "sudden_hardship", "sudden severe hardship", "突发严重困难户", "突发严重困难" },
	/* risk status of monitored households (风险状态) */
	{ "risk_status", "at_risk", "at risk", "未消除风险", "风险未消除" },
	{ "risk_status", "risk_eliminated", "risk eliminated", "已消除风险", "风险已消除" },
	/* the ledger: issue-add, issue-update, meeting-log */
	{ "issue_kind", "problem", "problem", "急难愁盼", "问题|困难|急难愁盼问题" },
	{ "issue_kind", "dispute", "dispute", "矛盾纠纷", "纠纷|矛盾" },
	{ "issue_kind", "suggestion", "suggestion", "意见建议", "建议|意见" },
	{ "issue_kind", "misconduct", "misconduct", "违法乱纪", "查处违法乱纪|违法违纪" },
	{ "issue_category", "infrastructure", "infrastructure", "基础设施", "基础设施建设|道路" },
	{ "issue_category", "environment", "living environment", "人居环境", "环境" },
	{ "issue_category", "jobs", "jobs and income", "就业增收", "就业|增收|产业" },
	{ "issue_category", "housing", "housing", "住房", "住房安全|危房" },
	{ "issue_category", "medical", "medical care", "医疗", "基本医疗|医疗保障" },
	{ "issue_category", "water", "drinking water", "饮水", "饮水安全" },
	{ "issue_category", "schooling", "schooling", "教育", "义务教育|上学" },
	{ "issue_category", "disaster", "disaster and epidemic", "灾情疫情", "灾情|疫情|小额信贷" },
	{ "issue_category", "conduct", "cadres' conduct", "工作作风", "作风|干部作风" },
	{ "issue_category", "other", "other", "其他", "其它" },
	{ "urgency", "urgent", "urgent", "紧急", "急" },
	{ "urgency", "important", "important", "重要", NULL },
	{ "urgency", "normal", "normal", "一般", NULL },
	{ "urgency", "minor", "minor", "较轻", "轻" },
	{ "issue_source", "visit", "visit", "走访", "大走访|入户走访" },
	{ "issue_source", "representatives", "representatives' meeting", "恳谈会", "村民代表恳谈会" },
	{ "issue_source", "courtyard", "courtyard meeting", "院坝会", NULL },
	{ "issue_source", "briefing", "policy briefing", "政策解读会", "政策解读|政策宣讲" },
	{ "issue_source", "survey", "phone survey", "电话调查", "电话回访|满意度调查" },
	{ "issue_source", "petition", "petition", "来信来访", "信访|来访" },
	{ "issue_source", "other", "other", "其他", "其它" },
	{ "status", "open", "open", "待办", "未办结|未解决|新建" },
	{ "status", "in_progress", "in progress", "办理中", "正在办理|整改中" },
	{ "status", "resolved", "resolved", "已解决", "已办结|已整改" },
	{ "status", "feedback_given", "feedback given", "已反馈", "已回复" },
	{ "status", "closed", "closed", "已销号", "已关闭|销号" },
	{ "status", "reopened", "reopened", "重新办理", "重新打开|返工" },
	{ "status", "closed_unresolved", "closed, promised", "承诺限期解决", "暂时无法解决|限期解决" },
	{ "status", "withdrawn", "withdrawn", "已撤销", "撤销|误录" },
	{ "dispute_type", "historical", "historical", "历史遗留", "历史遗留问题" },
	{ "dispute_type", "economic", "economic", "经济", "经济纠纷" },
	{ "dispute_type", "family", "family", "家庭", "家庭纠纷|婚姻家庭" },
	{ "dispute_type", "neighbour", "neighbour", "邻里", "邻里纠纷|neighbor" },
	{ "dispute_type", "other", "other", "其他", "其它" },
	/* the official holiday calendar (lib/calendar.h) */
	{ "calendar_day", "holiday", "holiday", "放假", "休|休息|节假日|假日" },
	{ "calendar_day", "workday", "working day", "上班", "班|补班|调休上班" },
	{ "mediation_outcome", "success", "mediated", "调解成功", "成功" },
	{ "mediation_outcome", "failed", "not mediated", "未成功", "调解未成功|失败" },
	{ "mediation_outcome", "referred", "referred to court", "转司法", "转司法程序|移交司法" },
	{ "revisit_finding", "stable", "stable", "稳定", "未反弹|良好" },
	{ "revisit_finding", "relapsed", "relapsed", "反弹", "复发|再次发生" },
	/* monitoring cases (防返贫监测): case-open, case-step */
	{ "case_type", "inclusion", "inclusion", "纳入监测", "纳入|识别纳入|监测识别" },
	{ "case_type", "elimination", "risk elimination", "风险消除", "消除风险|消除" },
	{ "case_clue", "visit", "visit", "走访发现", "走访|大走访|入户走访" },
	{ "case_clue", "application", "household's application", "农户自主申报", "自主申报|申报" },
	{ "case_clue", "cadre", "cadre's finding", "干部排查", "排查|干部走访排查" },
	{ "case_clue", "department", "department's warning", "部门预警", "预警|部门筛查预警|部门筛查" },
	{ "monitor_risk", "illness", "illness", "因病", "病" },
	{ "monitor_risk", "disability", "disability", "因残", "残" },
	{ "monitor_risk", "schooling", "schooling", "因学", "学" },
	{ "monitor_risk", "disaster", "disaster", "因灾", "灾" },
	{ "monitor_risk", "accident", "accident", "因意外", "意外" },
	{ "monitor_risk", "unstable_work", "unstable work", "因务工就业不稳", "务工就业不稳|就业不稳" },
	{ "monitor_risk", "industry_failure", "industry failure", "因产业失败", "产业失败" },
	{ "monitor_risk", "other", "other", "其他", "其它" },
	{ "case_step", "clue", "clue", "线索", NULL },
	{ "case_step", "home_check", "home check", "入户核实", "入户核查|核实" },
	{ "case_step", "data_check", "data cross-check", "信息比对", "比对|数据比对|部门比对" },
	{ "case_step", "village_review", "village review", "村级民主评议", "民主评议|村级评议|评议" },
	{ "case_step", "posting", "public posting", "公示", "村级公示|张榜公示" },
	{ "case_step", "township_review", "township review", "乡镇审核", "镇级审核|审核" },
	{ "case_step", "decision", "county decision", "县级审定", "审定|县级审批" },
	{ "case_result", "passed", "passed", "通过", "符合|同意上报" },
	{ "case_result", "not_eligible", "not eligible", "不符合条件", "不符合|终止" },
	{ "case_result", "approved", "approved", "审定同意", "批准|同意" },
	{ "case_result", "rejected", "rejected", "审定不同意", "不同意|不予认定|驳回" },
	{ "case_state", "open", "open", "办理中", NULL },
	{ "case_state", "approved", "approved", "审定同意", NULL },
	{ "case_state", "rejected", "rejected", "审定不同意", NULL },
	{ "case_state", "not_eligible", "not eligible", "不符合条件", NULL },
	/* the household's rating of the feedback at the callback (回访满意度) */
	{ "callback_rating", "satisfied", "satisfied", "满意", "非常满意" },
	{ "callback_rating", "basically_satisfied", "basically satisfied", "基本满意", "比较满意" },
	{ "callback_rating", "dissatisfied", "dissatisfied", "不满意", "不太满意" },
	{ "callback_rating", "unreachable", "not reached", "未联系上", "联系不上|未接通|无法联系" },
	{ "meeting_kind", "representatives", "representatives' meeting", "村民代表恳谈会", "恳谈会" },
	{ "meeting_kind", "courtyard", "courtyard meeting", "院坝会", "院坝会议" },
	{ "meeting_kind", "briefing", "policy briefing", "政策解读", "政策解读会|政策宣讲" },
	{ "meeting_kind", "assembly", "villagers' assembly", "村民会议", "村民大会" },
	{ "yes_no", "yes", "yes", "是", "y|1|true|√|✓|有" },
	{ "yes_no", "no", "no", "否", "n|0|false|×|✗|无" },
	/* end of the ledger */
	/* visits: visit-log, milestone-add */
	/* who visits (职务) */
	{ "visitor_role", "county_leader", "county leader", "县级领导", "县领导|县级干部" },
	{ "visitor_role", "town_secretary", "town party secretary", "镇党委书记", "乡镇党委书记|党委书记|镇书记" },
	{ "visitor_role", "village_secretary", "village party secretary", "村党组织书记", "村党支部书记|村支部书记|村支书|支书|村书记|社区书记|社区党组织书记" },
	{ "visitor_role", "first_secretary", "first secretary", "驻村第一书记", "第一书记" },
	{ "visitor_role", "work_team", "work team member", "驻村工作队员", "驻村工作队|工作队员|驻村队员" },
	{ "visitor_role", "assistance_cadre", "assistance cadre", "帮扶干部", "帮扶责任人|结对帮扶干部|帮扶人|包户干部|包户" },
	{ "visitor_role", "village_cadre", "village cadre", "村干部", "村组干部|社区干部|村两委干部|包村干部|包村" },
	/* the answer of a check: 两不愁三保障, drinking water, income, industry */
	{ "check", "yes", "yes", "是", "y|1|√|✓|true|已保障|达标" },
	{ "check", "no", "no", "否", "n|0|×|✗|x|false|未保障|不达标" },
	{ "check", "na", "not applicable", "无", "n/a|不适用|不涉及|/" },
	/* the risk of falling back into poverty found (风险等级) */
	{ "risk_level", "none", "none", "无", "无风险" },
	{ "risk_level", "low", "low", "低", "低风险|较低" },
	{ "risk_level", "medium", "medium", "中", "中风险|中等" },
	{ "risk_level", "high", "high", "高", "高风险|较高" },
	/* (monitor_suggested takes the ledger's "yes_no") */
	/* what a milestone asks for by its due date */
	{ "milestone_kind", "visit_coverage", "visit coverage", "走访覆盖", "visit-coverage|走访全覆盖" },
	{ "milestone_kind", "meeting_coverage", "meeting coverage", "会议覆盖", "meeting-coverage|会议全覆盖" },
	{ "milestone_kind", "rule_delivery", "rule delivery", "村规民约分发到户", "rule-delivery|分发到户|村规民约到户" },
	{ "milestone_kind", "care_coverage", "care coverage", "人文关怀走访", "care-coverage|人文关怀|关怀走访" },
	/* end of visits */
	/* surveys: survey-tally */
	/* answers of the phone survey (群众认可度电话调查) */
	{ "answer", "satisfied", "satisfied", "满意", "认可|知晓|是" },
	{ "answer", "basically_satisfied", "basically satisfied", "基本满意", "基本认可|基本知晓" },
	{ "answer", "dissatisfied", "dissatisfied", "不满意", "不认可|不知晓|否" },
	{ "answer", "dont_know", "don't know", "不了解", "说不清|不清楚" },
	/* its question areas, as column names */
	{ "survey_question", "q_cadre", "cadres' conduct", "干部作风", "干部工作作风|帮扶干部|cadre|cadres" },
	{ "survey_question", "q_infrastructure", "infrastructure and services", "基础设施和公共服务", "基础设施|公共服务|infrastructure|services" },
	{ "survey_question", "q_policy", "policy awareness", "政策知晓", "政策知晓度|政策宣传|policy" },
	{ "survey_question", "q_guarantee", "guarantees delivered", "两不愁三保障", "两不愁三保障落实|保障|guarantee|guarantees" },
	/* votes of representatives on the village rules (村规民约) */
	{ "vote", "yes", "yes", "同意", "赞成" },
	{ "vote", "no", "no", "不同意", "反对" },
	{ "vote", "abstain", "abstain", "弃权", NULL },
	/* the neighbour evaluation's red and black lists (红黑榜) */
	{ "honour_list", "red", "red list", "红榜", NULL },
	{ "honour_list", "black", "black list", "黑榜", NULL },
	/* end of surveys */
	/* people: member-add */
	/* relation to the head of the household (与户主关系) */
	{ "relation", "head", "head of household", "户主", "本人" },
	{ "relation", "spouse", "spouse", "配偶", "妻|夫|妻子|丈夫" },
	{ "relation", "child", "child", "子女", "之子|之女|儿子|女儿|长子|次子|三子|长女|次女|三女|子|女" },
	{ "relation", "child_in_law", "child-in-law", "儿媳或女婿", "儿媳|女婿|之儿媳|之女婿" },
	{ "relation", "grandchild", "grandchild", "孙子女", "之孙子|之孙女|孙子|孙女|之外孙子|之外孙女|外孙子|外孙女" },
	{ "relation", "parent", "parent", "父母", "之父|之母|父亲|母亲" },
	{ "relation", "grandparent", "grandparent", "祖父母", "之祖父|之祖母|祖父|祖母|外祖父|外祖母" },
	{ "relation", "sibling", "sibling", "兄弟姐妹", "兄|弟|姐|妹|之兄弟姐妹" },
	{ "relation", "other", "other", "其他", "其它" },
	/* labour capacity (劳动技能) */
	{ "labour", "ordinary", "ordinary labour", "普通劳动力", "普通|技能劳动力|劳动力" },
	{ "labour", "weak", "weak labour", "弱劳动力", "弱劳力|弱劳动力或半劳动力" },
	{ "labour", "half", "half labour", "半劳动力", "半劳力" },
	{ "labour", "lost", "labour lost", "丧失劳动力", "丧失劳动能力" },
	{ "labour", "none", "no labour", "无劳动力", "无劳动能力" },
	/* in school (在校生状况) */
	{ "schooling", "preschool", "preschool", "学前", "学前教育|幼儿园" },
	{ "schooling", "primary", "primary school", "小学", NULL },
	{ "schooling", "junior", "junior secondary", "初中", NULL },
	{ "schooling", "senior", "senior secondary", "高中", "普通高中" },
	{ "schooling", "vocational", "vocational school", "中职", "中专|职高|技校" },
	{ "schooling", "college", "college", "大学", "大专|本科|高职|研究生" },
	{ "schooling", "not_in_school", "not in school", "不在校", "非在校生|否|无" },
	/* health (健康状况) */
	{ "health", "healthy", "healthy", "健康", NULL },
	{ "health", "chronic", "long-term chronic illness", "长期慢性病", "慢性病" },
	{ "health", "serious_illness", "serious illness", "大病", "患有大病" },
	{ "health", "disabled", "disabled", "残疾", "残疾人" },
	/* the people the campaign cares for by name (人员标签) */
	{ "member_tag", "lonely_elderly", "elderly living alone", "孤寡老人", "孤寡|独居老人" },
	{ "member_tag", "left_behind_child", "left-behind child", "留守儿童", NULL },
	{ "member_tag", "poor_student", "poor student", "贫困学生", "困难学生" },
	{ "member_tag", "disabled", "disabled person", "残疾人", NULL },
	/* end of people */
	/* assistance to a person: support-log */
	{ "support_kind", "post", "public-welfare post", "公益性岗位", "公益岗|公益性岗|公益岗位" },
	{ "support_kind", "loan", "small loan", "小额信贷", "富民贷|小额贷款|贷款" },
	{ "support_kind", "job", "industry-park job", "产业园务工", "产业园|园区务工|就近务工" },
	{ "support_kind", "land", "land transfer", "土地流转", "流转|土地出租" },
	{ "loan_status", "wish", "wants a loan", "有贷款意愿", "意愿|有意愿|申请" },
	{ "loan_status", "sent", "papers sent to the bank", "已提交银行", "已提交|已报送|报送银行" },
	{ "loan_status", "approved", "approved", "已放贷", "已获贷|已批准|已审批|批准" },
	{ "loan_status", "refused", "refused", "未获批", "已拒绝|拒绝|未批准" },
	{ "loan_status", "withdrawn", "withdrawn", "已撤回", "撤回|放弃" },
	/* returnees (回引人才): returnee-log */
	{ "returnee_kind", "talent", "returnee", "回引人才", "人才|本土人才|外出人才|返乡人才" },
	{ "returnee_kind", "elite", "village worthy", "乡贤", "新乡贤" },
	{ "returnee_intention", "employment", "a job", "就业", "务工|返乡就业" },
	{ "returnee_intention", "business", "a business", "创业", "返乡创业" },
	{ "returnee_intention", "undecided", "none yet", "暂无", "无|未定|暂无意向" },
	{ "returnee_status", "contacted", "contacted", "已联系", "联系|已对接" },
	{ "returnee_status", "intends", "intends to return", "有意返乡", "有返乡意向|意向返乡" },
	{ "returnee_status", "returned", "returned", "已返乡", "返乡|已回乡" },
	{ "returnee_status", "settled", "working or in business at home", "已就业创业", "已就业|已创业|已返乡就业|已返乡创业" },
	/* village rules (村规民约): rule-step */
	{ "rule_step", "draft", "draft", "起草", "拟定|起草草案|修改草案" },
	{ "rule_step", "consult", "consultation", "征求意见", "意见征求|几上几下" },
	{ "rule_step", "vote", "vote", "表决", "会议表决|村民会议表决" },
	{ "rule_step", "review", "legality review", "合法性审查备案", "合法性审查|审查备案|备案" },
	{ "rule_step", "post", "posting", "张榜公布", "公布|张贴" },
	{ "rule_step", "deliver", "delivery", "分发到户", "入户发放|发放" },
	{ "rule_step", "enforce", "enforcement", "执行", "监督执行|奖惩" },
	{ "rule_stage", "drafted", "drafted", "已起草", NULL },
	{ "rule_stage", "consulted", "consulted", "已征求意见", NULL },
	{ "rule_stage", "voted", "adopted by vote", "表决通过", NULL },
	{ "rule_stage", "rejected", "voted down", "表决未通过", NULL },
	{ "rule_stage", "filed", "filed", "已审查备案", NULL },
	{ "rule_stage", "refused", "refused at review", "审查未通过", NULL },
	{ "rule_stage", "in_force", "in force", "已生效", "已公布" },
	{ "rule_result", "adopted", "adopted", "表决通过", NULL },
	{ "rule_result", "not_adopted", "not adopted", "表决未通过", NULL },
	{ "rule_result", "no_quorum", "no quorum", "到会不足三分之二", NULL },
	{ "rule_result", "passed", "passed", "审查通过", "通过|同意备案|予以备案" },
	{ "rule_result", "refused", "refused", "审查不通过", "不通过|不予备案|退回" },
	{ "rule_topic", "customs", "changing customs", "移风易俗", NULL },
	{ "rule_topic", "neighbours", "neighbourly harmony", "邻里和谐", "邻里团结" },
	{ "rule_topic", "elders", "respect for elders", "尊老爱幼", "孝老爱亲" },
	{ "rule_topic", "thrift", "thrift", "勤俭节约", NULL },
	{ "rule_topic", "volunteering", "volunteering", "志愿服务", NULL },
	{ "rule_topic", "environment", "living environment", "人居环境", "环境卫生" },
	{ "rule_topic", "construction", "village building", "乡村建设", NULL },
	{ "rule_topic", "bride_price", "high bride prices", "高价彩礼", "高额彩礼|天价彩礼" },
	{ "rule_topic", "extravagance", "lavish weddings and funerals", "大操大办", "红白喜事大操大办" },
	{ "rule_action", "violation", "violation", "违约处理", "违约|违反" },
	{ "rule_action", "reward", "reward", "表彰奖励", "奖励|表彰" },
	{ "rule_body", "red_white_council", "red-and-white council", "红白理事会", NULL },
	{ "rule_body", "moral_council", "moral council", "道德评议会", NULL },
	{ "rule_body", "elders_hall", "elders' hall", "乡贤评理堂", "评理堂" },
	{ "rule_body", "village_committee", "village committee", "村民委员会", "村委会" },
	/* end of village rules */
	/* selections of models (评选): honour-add */
	{ "honour_kind", "moral_model", "moral model", "道德模范", NULL },
	{ "honour_kind", "moving_figure", "moving figure", "感动人物", NULL },
	{ "honour_kind", "good_person", "good person nearby", "身边好人", NULL },
	{ "honour_kind", "finest_person", "finest person", "最美人物", NULL },
	{ "honour_kind", "good_youth", "good youth of the new era", "新时代好少年", "好少年" },
	{ "honour_kind", "civilised_village", "civilised village", "文明村镇", "文明村|文明村庄" },
	{ "honour_kind", "civilised_family", "civilised family", "文明家庭", NULL },
	{ "honour_kind", "clean_household", "clean household", "清洁户", "卫生清洁户" },
	{ "honour_kind", "tidy_courtyard", "tidy courtyard", "整洁庭院", "美丽庭院" },
	{ "honour_kind", "elder_care", "support of elders", "赡养老人", "赡养老人户" },
	{ "honour_kind", "neighbourly", "neighbourly harmony", "邻里和谐", "和谐邻里" },
	{ "honour_kind", "other", "the county's own", "其他", "其他评选" },
	{ "honour_level", "village", "village", "村级", "村" },
	{ "honour_level", "town", "town", "镇级", "乡级|乡镇级|街道级|镇|乡" },
	{ "honour_level", "county", "county", "县级", "区级|县区级|县|区" },
	{ "honour_basis", "vote", "vote", "投票表决", "表决|投票|民主评议" },
	{ "honour_basis", "evaluation", "neighbour evaluation", "邻里互评", "互评|评分" },
	{ "honour_basis", "council", "moral council's review", "道德评议会评议", "评议会|道德评议会|评议" },
	/* end of selections */
	/* the honour and exposure boards (光荣榜 / 曝光台): board-step */
	{ "board", "honour", "honour board", "光荣榜", "红榜|红榜光荣榜" },
	{ "board", "exposure", "exposure board", "曝光台", "黑榜|曝光榜" },
	{ "board_source", "selection", "selection", "评选", "先进典型评选|评选结果" },
	{ "board_source", "red_list", "evaluation's red list", "互评红榜", "邻里互评红榜" },
	{ "board_source", "black_list", "evaluation's black list", "互评黑榜", "邻里互评黑榜" },
	{ "board_source", "council", "council's finding", "评议会认定", "道德评议会|红白理事会|评议会" },
	{ "board_step", "propose", "proposal", "提名上榜", "提名|拟上榜" },
	{ "board_step", "notify", "notice of the right to object", "告知", "告知异议权|书面告知" },
	{ "board_step", "object", "objection", "提出异议", "异议" },
	{ "board_step", "decide", "decision on the objection", "异议处理", "处理异议|复核" },
	{ "board_step", "post", "posting", "上榜公布", "上榜|公布|张贴" },
	{ "board_step", "remove", "removal", "撤榜", "提前撤榜|撤下" },
	{ "board_stage", "proposed", "proposed", "拟上榜", NULL },
	{ "board_stage", "notified", "notified", "已告知", NULL },
	{ "board_stage", "objected", "objected", "异议中", NULL },
	{ "board_stage", "answered", "objection dismissed", "异议不成立", NULL },
	{ "board_stage", "withdrawn", "withdrawn on objection", "异议成立已撤回", NULL },
	{ "board_stage", "posted", "posted", "已上榜", NULL },
	{ "board_stage", "removed", "removed", "已撤榜", NULL },
	{ "board_result", "upheld", "upheld", "异议成立", "成立" },
	{ "board_result", "dismissed", "dismissed", "异议不成立", "不成立|驳回" },
	/* end of boards */
	/* misconduct referred to the legal system (misconduct-step) */
	{ "misconduct_kind", "petition", "persistent unreasonable petitions", "缠访闹访", "无理缠访|闹访|缠访" },
	{ "misconduct_kind", "support_refusal", "refusing to support parents", "拒不赡养", "不赡养老人|不履行赡养义务" },
	{ "misconduct_kind", "domestic_violence", "domestic violence", "家庭暴力", "家暴" },
	{ "misconduct_kind", "other", "other", "其他", "其他违法乱纪" },
	{ "misconduct_body", "mediation", "judicial mediation", "司法调解", "人民调解|调解" },
	{ "misconduct_body", "arbitration", "arbitration", "仲裁", "劳动仲裁|土地承包仲裁" },
	{ "misconduct_body", "ruling", "administrative ruling", "行政裁决", "裁决" },
	{ "misconduct_body", "reconsideration", "administrative reconsideration", "行政复议", "复议" },
	{ "misconduct_body", "court", "court", "诉讼", "法院|人民法院|起诉" },
	{ "misconduct_body", "police", "police", "公安", "派出所|公安机关" },
	{ "misconduct_step", "refer", "referral", "移交", "移送|依法移交" },
	{ "misconduct_step", "accept", "acceptance", "受理", "立案" },
	{ "misconduct_step", "result", "result", "办理结果", "结果|办结|处理结果" },
	{ "misconduct_step", "revisit", "revisit", "回访", "跟踪回访" },
	{ "misconduct_stage", "referred", "referred", "已移交", NULL },
	{ "misconduct_stage", "accepted", "accepted", "已受理", NULL },
	{ "misconduct_stage", "decided", "result recorded", "已办结", NULL },
	{ "misconduct_stage", "revisited", "revisited", "已回访", NULL },
	/* end of misconduct */
	/* what deadline-check lists (its --kind) */
	{ "deadline_kind", "issue_overdue", "issue overdue", "问题办理逾期", "问题逾期|办理逾期" },
	{ "deadline_kind", "feedback_overdue", "feedback overdue", "反馈逾期", "逾期未反馈" },
	{ "deadline_kind", "revisit_due", "revisit due", "待回访", "回访" },
	{ "deadline_kind", "promise_overdue", "promise overdue", "承诺逾期", "承诺限期逾期" },
	{ "deadline_kind", "visit_missing", "visit missing", "未走访", "漏访" },
	{ "deadline_kind", "meeting_missing", "meeting missing", "会议未开", "未开会议" },
	{ "deadline_kind", "monitoring_case_overdue", "monitoring case overdue", "监测案件超时", "监测超时" },
	{ "deadline_kind", "monitoring_unfollowed", "monitoring unfollowed", "监测建议未跟进", "监测未跟进" },
	{ "deadline_kind", "loan_unsent", "loan papers not sent", "贷款材料未报送银行", "贷款未报送" },
	{ "deadline_kind", "loan_unanswered", "loan unanswered", "银行逾期未答复", "贷款未答复" },
	{ "deadline_kind", "returnee_uncontacted", "returnee uncontacted", "回引人才逾期未联系", "人才未联系" },
	{ "deadline_kind", "care_missing", "care visit missing", "人文关怀未走访", "关怀未走访|漏关怀" },
	{ NULL, NULL, NULL, NULL, NULL }
};

/* 1 when text equals one of the '|' separated words of list. */
static int
in_list(const char *list, const char *text, size_t len)
{
	while (list != NULL && *list != '\0') {
		const char *bar = strchr(list, '|');
		size_t n = bar != NULL ? (size_t)(bar - list) : strlen(list);

		if (n == len && strncasecmp(list, text, len) == 0)
			return 1;
		list = bar != NULL ? bar + 1 : NULL;
	}
	return 0;
}

const char *
vocab_code(const char *domain, const char *text)
{
	size_t len;

	if (text == NULL)
		return NULL;
	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len == 0)
		return NULL;
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		if (strcmp(e->domain, domain) != 0)
			continue;
		if (in_list(e->code, text, len) || in_list(e->label_zh, text, len) ||
		    in_list(e->label_en, text, len) || in_list(e->aliases, text, len))
			return e->code;
	}
	return NULL;
}

/*
 * The table's entries indexed by domain and code, and each entry's place
 * among its domain's: built once, kept to the end.
 */
static struct hashtab label_index;
static int *label_ordinal;
static pthread_once_t label_index_once = PTHREAD_ONCE_INIT;

static uint64_t
label_hash(const char *domain, const char *code, size_t len)
{
	return text_hash(text_hash(TEXT_HASH, domain, strlen(domain) + 1), code, len);
}

static void
label_index_build(void)
{
	size_t n = 0;

	while (vocab_table[n].domain != NULL)
		n++;
	if ((label_ordinal = calloc(n, sizeof(*label_ordinal))) == NULL ||
	    hashtab_reserve(&label_index, n) != 0) {
		free(label_ordinal);
		label_ordinal = NULL;
		return;		/* no memory: labels are found by the scan below */
	}
	for (size_t i = 0; i < n; i++) {
		(void)hashtab_add(&label_index, label_hash(vocab_table[i].domain,
		    vocab_table[i].code, strlen(vocab_table[i].code)), i);
		for (size_t j = 0; j < i; j++)
			label_ordinal[i] += strcmp(vocab_table[j].domain,
			    vocab_table[i].domain) == 0;
	}
}

/* The entry of code[0..len) in domain; NULL when there is none. */
static const struct vocab_entry *
entry_of(const char *domain, const char *code, size_t len)
{
	const struct vocab_entry *e;
	uint64_t h;
	size_t pos, k;

	pthread_once(&label_index_once, label_index_build);
	if (label_index.nslots == 0) {
		for (e = vocab_table; e->domain != NULL; e++)
			if (strncmp(e->code, code, len) == 0 && e->code[len] == '\0' &&
			    strcmp(e->domain, domain) == 0)
				return e;
		return NULL;
	}
	h = label_hash(domain, code, len);
	pos = hashtab_start(&label_index, h);
	while ((k = hashtab_next(&label_index, h, &pos)) != HASHTAB_END) {
		e = &vocab_table[k];
		if (strncmp(e->code, code, len) == 0 && e->code[len] == '\0' &&
		    strcmp(e->domain, domain) == 0)
			return e;
	}
	return NULL;
}

int
vocab_ordinal(const char *domain, const char *code, size_t len)
{
	const struct vocab_entry *e = entry_of(domain, code, len);
	int i = 0;

	if (e == NULL)
		return -1;
	if (label_ordinal != NULL)
		return label_ordinal[e - vocab_table];
	for (const struct vocab_entry *x = vocab_table; x < e; x++)
		i += strcmp(x->domain, domain) == 0;
	return i;
}

const char *
vocab_label(const char *domain, const char *code)
{
	const struct vocab_entry *e;

	if (code == NULL)
		return NULL;
	/* this runs for every coded cell of a listing: a hash, not a scan */
	if ((e = entry_of(domain, code, strlen(code))) == NULL)
		return code;
	return locale_is_chinese() ? e->label_zh : e->label_en;
}

const char *
vocab_word(const char *domain, const char *code)
{
	return locale_is_chinese() ? vocab_label(domain, code) : code;
}

const char *
vocab_labels(const char *domain, const char *codes, struct buf *b)
{
	const char *p = codes;

	buf_reset(b);
	while (*p != '\0') {
		const char *semi = strchr(p, ';');
		size_t n = semi ? (size_t)(semi - p) : strlen(p);
		char code[64];

		snprintf(code, sizeof(code), "%.*s", (int)n, p);
		if (b->len > 0)
			buf_puts(b, locale_is_chinese() ? "、" : ";");
		buf_puts(b, vocab_label(domain, code));
		p += n + (semi != NULL);
	}
	return b->data != NULL ? b->data : "";
}

char *
vocab_describe(const char *domain, char *out, size_t size)
{
	return vocab_describe_except(domain, NULL, out, size);
}

char *
vocab_describe_except(const char *domain, const char *except, char *out,
    size_t size)
{
	int zh = locale_is_chinese();
	size_t used = 0;

	if (size == 0)
		return out;
	out[0] = '\0';
	for (const struct vocab_entry *e = vocab_table; e->domain != NULL; e++) {
		int n;

		if (strcmp(e->domain, domain) != 0 ||
		    (except != NULL && strcmp(e->code, except) == 0))
			continue;
		if (used > 0) {
			n = snprintf(out + used, size - used, "%s", _(", "));
			if (n < 0 || (size_t)n >= size - used)
				break;
			used += (size_t)n;
		}
		n = snprintf(out + used, size - used, _("%s (%s)"), e->code,
		    zh ? e->label_zh : e->label_en);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return out;
}
