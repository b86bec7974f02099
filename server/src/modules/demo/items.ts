import type { ItemInput } from '../supervision/index.js';
import type { DemoStory } from './story.js';

/** Every demo item carries this tag, so the list shows plainly which items are 演示数据. */
export const DEMO_TAG = '演示数据';

const item = (input: Omit<ItemInput, 'tags'> & { tags?: string[] }): ItemInput => ({
  ...input,
  tags: [DEMO_TAG, ...(input.tags ?? [])],
});

/**
 * A realistic handful of 督办事项 from every kind of source, in the states an office sees on a normal day:
 * waiting for approval, assigned but not signed for, in progress with feedback, one overdue (red), one
 * due within the warning window (yellow), one awaiting an extension, one closed (销号). Created in date
 * order, so their numbers ascend with their dates.
 */
export async function playDemoItems(s: DemoStory): Promise<number> {
  const leader1 = s.person('leader1').id;
  const leader2 = s.person('leader2').id;
  const leader3 = s.person('leader3').id;
  let count = 0;
  const next = async (daysAgo: number, input: ItemInput) => {
    count += 1;
    return s.create(daysAgo, input);
  };

  // 已销号: a 常委会 decision carried out on time.
  const closed = await next(
    40,
    item({
      title: '关于开展“以案促改”警示教育活动的决定',
      requirements: '结合近年查处的典型案例，在全系统开展警示教育，形成案例汇编并组织专题学习。',
      sourceType: 'standing_committee',
      sourceRef: { meeting: '市纪委常委会会议', session: '第21次' },
      urgency: 'normal',
      responsibleLeaderId: leader1,
      workingDays: 20,
      feedbackCycle: 'once',
      tags: ['警示教育'],
    }),
  );
  await s.approve(closed, 40);
  await s.assign(closed, 39, [{ department: 'demo-xcb', role: 'lead' }]);
  await s.acknowledge(closed, 'demo-xcb', 'xcb_staff', 38);
  await s.feedback(
    closed,
    'demo-xcb',
    'xcb_staff',
    25,
    '已编印《典型案例警示录》，组织专题学习 6 场。',
    'xcb_head',
  );
  await s.requestCompletion(closed, 'demo-xcb', 'xcb_staff', 20, '案例汇编及学习签到表已报送办公室。');
  await s.close(closed, 'demo-xcb', 18, 'leader1');

  // 红灯: a 专项督查 item whose time limit has passed.
  const overdue = await next(
    30,
    item({
      title: '整治群众身边不正之风和腐败问题专项督查',
      requirements: '聚焦惠民富民政策落实，对发现的问题线索逐件登记、限期办结，报送查处情况。',
      sourceType: 'special',
      sourceRef: { note: '2026年度专项督查工作方案' },
      urgency: 'urgent',
      responsibleLeaderId: leader2,
      workingDays: 10,
      feedbackCycle: 'weekly',
      tags: ['专项督查'],
    }),
  );
  await s.approve(overdue, 30);
  await s.assign(overdue, 29, [
    { department: 'demo-jd2', role: 'lead' },
    { department: 'demo-ajsl', role: 'assist' },
  ]);
  await s.acknowledge(overdue, 'demo-jd2', 'jd2_staff', 28);
  await s.acknowledge(overdue, 'demo-ajsl', 'ajsl_staff', 27);
  await s.feedback(overdue, 'demo-jd2', 'jd2_staff', 24, '已梳理问题线索 12 件，其中 5 件已初步核实。');

  // 办理中 with reviewed feedback: a 上级交办 item.
  const superior = await next(
    21,
    item({
      title: '落实省纪委监委关于深化纠治“四风”的工作部署',
      requirements: '对照省纪委监委通知要求，制定实施方案，每月报送工作进展。',
      sourceType: 'superior',
      sourceRef: { documentNumber: '省纪委办〔2026〕31号', issuer: '省纪委监委' },
      urgency: 'normal',
      responsibleLeaderId: leader1,
      workingDays: 45,
      feedbackCycle: 'monthly',
      tags: ['作风建设'],
    }),
  );
  await s.approve(superior, 21);
  await s.assign(superior, 20, [
    { department: 'demo-jd1', role: 'lead' },
    { department: 'demo-jd3', role: 'assist' },
  ]);
  await s.acknowledge(superior, 'demo-jd1', 'jd1_staff', 19);
  await s.acknowledge(superior, 'demo-jd3', 'jd3_staff', 18);
  await s.feedback(superior, 'demo-jd1', 'jd1_staff', 6, '实施方案已印发，开展明察暗访 3 轮。', 'jd1_head');

  // 黄灯: a 领导批示 due within the warning window.
  const dueSoon = await next(
    14,
    item({
      title: '关于加快办理信访举报积案的批示',
      requirements: '对积压信访件逐件建立台账，明确责任人和办结时限，按时办结并反馈。',
      sourceType: 'instruction',
      sourceRef: { content: '请第三监督检查室抓紧办理，按时报结果。', leaderName: '赵丽华同志' },
      urgency: 'urgent',
      responsibleLeaderId: leader2,
      feedbackCycle: 'once',
      tags: ['信访举报'],
    }),
  );
  await s.approve(dueSoon, 14, 'leader2');
  await s.assign(dueSoon, 13, [{ department: 'demo-jd3', role: 'lead', deadline: s.workingDaysAhead(2) }]);
  await s.acknowledge(dueSoon, 'demo-jd3', 'jd3_head', 13);

  // 年度重点任务, 长期坚持: reported every quarter without a final deadline.
  const standing = await next(
    12,
    item({
      title: '全面从严治党主体责任落实情况',
      requirements: '按季度报送主体责任落实情况，重点说明“第一议题”学习和廉政风险防控。',
      sourceType: 'annual_task',
      sourceRef: { note: '2026年度重点工作任务分工方案第3项' },
      urgency: 'normal',
      responsibleLeaderId: leader3,
      feedbackCycle: 'quarterly',
      standing: true,
      tags: ['主体责任'],
    }),
  );
  await s.approve(standing, 12, 'leader3');
  await s.assign(standing, 11, [
    { department: 'demo-jgdw', role: 'lead' },
    { department: 'demo-zzb', role: 'assist' },
  ]);
  await s.acknowledge(standing, 'demo-jgdw', 'jgdw_staff', 10);
  await s.feedback(standing, 'demo-jgdw', 'jgdw_staff', 4, '本季度召开专题会议 2 次，完成廉政风险排查。');

  // 办理中, awaiting a decision on its extension request.
  const extension = await next(
    10,
    item({
      title: '全市纪检监察干部队伍教育整顿问题整改',
      requirements: '对教育整顿查摆的问题逐项整改，建立问题、责任、整改“三张清单”。',
      sourceType: 'standing_committee',
      sourceRef: { meeting: '市纪委常委会会议', session: '第24次' },
      urgency: 'normal',
      responsibleLeaderId: leader3,
      workingDays: 15,
      feedbackCycle: 'weekly',
      tags: ['队伍建设'],
    }),
  );
  await s.approve(extension, 10, 'leader3');
  await s.assign(extension, 9, [{ department: 'demo-zzb', role: 'lead' }]);
  await s.acknowledge(extension, 'demo-zzb', 'zzb_staff', 8);
  await s.feedback(
    extension,
    'demo-zzb',
    'zzb_staff',
    3,
    '三张清单已建立，13 项问题已整改 8 项。',
    'zzb_head',
  );
  await s.requestExtension(
    extension,
    'demo-zzb',
    'zzb_staff',
    1,
    '部分整改事项涉及制度修订，需提交常委会审议。',
  );

  // 申请办结: the department has finished and waits for the office's review.
  const review = await next(
    9,
    item({
      title: '市纪检监察工作会议议定事项：完善案件审理质量评查机制',
      requirements: '修订案件质量评查办法，明确评查标准和结果运用，报委领导审定。',
      sourceType: 'meeting',
      sourceRef: { meeting: '2026年全市纪检监察工作会议' },
      urgency: 'normal',
      responsibleLeaderId: leader1,
      workingDays: 20,
      feedbackCycle: 'once',
      tags: ['案件审理'],
    }),
  );
  await s.approve(review, 9);
  await s.assign(review, 8, [{ department: 'demo-ajsl', role: 'lead' }]);
  await s.acknowledge(review, 'demo-ajsl', 'ajsl_head', 8);
  await s.requestCompletion(
    review,
    'demo-ajsl',
    'ajsl_staff',
    1,
    '《案件质量评查办法（修订稿）》已报委领导审定。',
  );

  // 办理中, signed for and recently begun: a 专项督查 item.
  const special = await next(
    6,
    item({
      title: '违规吃喝问题专项整治督查',
      requirements: '对公务接待、公车使用等情况开展专项检查，形成督查报告。',
      sourceType: 'special',
      sourceRef: { note: '市纪委监委关于开展违规吃喝问题专项整治的通知' },
      urgency: 'normal',
      responsibleLeaderId: leader2,
      workingDays: 30,
      feedbackCycle: 'monthly',
      tags: ['作风建设'],
    }),
  );
  await s.approve(special, 6, 'leader2');
  await s.assign(special, 5, [
    { department: 'demo-jd4', role: 'lead' },
    { department: 'demo-jd1', role: 'assist' },
  ]);
  await s.acknowledge(special, 'demo-jd4', 'jd4_staff', 4);

  // 已交办, not yet signed for: a 会议议定 item.
  const unsigned = await next(
    3,
    item({
      title: '机关党建与业务工作深度融合推进会议定事项',
      requirements: '各支部结合业务工作制定融合清单，报机关党委备案。',
      sourceType: 'meeting',
      sourceRef: { meeting: '机关党建工作推进会' },
      urgency: 'normal',
      responsibleLeaderId: leader3,
      workingDays: 15,
      feedbackCycle: 'once',
      tags: ['机关党建'],
    }),
  );
  await s.approve(unsigned, 3, 'leader3');
  await s.assign(unsigned, 2, [{ department: 'demo-xcb', role: 'lead' }]);

  // 已审批, waiting for 交办.
  const approved = await next(
    2,
    item({
      title: '关于做好换届风气监督工作的批示',
      requirements: '严明换届纪律，畅通举报渠道，对违反换届纪律问题快查严处。',
      sourceType: 'instruction',
      sourceRef: { content: '请办公室牵头，抓好督办落实。', leaderName: '陈志刚同志' },
      urgency: 'urgent',
      responsibleLeaderId: leader1,
      workingDays: 10,
      feedbackCycle: 'weekly',
      tags: ['换届风气'],
    }),
  );
  await s.approve(approved, 2);

  // 待审批: a 上级交办 item and a 常委会 decision.
  const pending = await next(
    1,
    item({
      title: '贯彻落实省委巡视反馈意见整改任务',
      requirements: '对巡视反馈问题建立整改台账，逐项明确整改措施、责任部门和完成时限。',
      sourceType: 'superior',
      sourceRef: { documentNumber: '省委巡视办〔2026〕5号', issuer: '省委巡视工作领导小组办公室' },
      urgency: 'extra_urgent',
      responsibleLeaderId: leader1,
      feedbackCycle: 'weekly',
      tags: ['巡视整改'],
    }),
  );
  await s.submitOnly(pending, 1);
  const pending2 = await next(
    0,
    item({
      title: '关于加强年轻干部教育管理监督的决定',
      requirements: '建立年轻干部成长档案，开展廉洁从政专题教育，每半年报送一次情况。',
      sourceType: 'standing_committee',
      sourceRef: { meeting: '市纪委常委会会议', session: '第26次' },
      urgency: 'normal',
      responsibleLeaderId: leader3,
      feedbackCycle: 'half_yearly',
      standing: true,
      tags: ['年轻干部'],
    }),
  );
  await s.submitOnly(pending2, 0);
  return count;
}
