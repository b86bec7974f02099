import type { BusinessRole } from '../../../../shared/src/roles.js';

/** The demo organisation: a city Commission for Discipline Inspection (演示数据). */
export const DEMO_ROOT = { code: 'demo-jw', name: '某市纪委监委（演示数据）' };

export interface DemoDepartment {
  code: string;
  name: string;
  /** Logins with their business roles; the first person listed heads the department. */
  people: [login: string, name: string, roles: BusinessRole[]][];
}

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  {
    code: 'demo-bgs',
    name: '办公室',
    people: [
      ['bgs_head', '王建国', ['department_head', 'supervisor']],
      ['duchayuan1', '李晓红', ['supervisor', 'handler']],
      ['duchayuan2', '张卫东', ['supervisor']],
      ['bgs_staff', '刘文静', ['handler', 'editor']],
    ],
  },
  {
    code: 'demo-ldbz',
    name: '委领导',
    people: [
      ['leader1', '陈志刚', ['leader']],
      ['leader2', '赵丽华', ['leader']],
      ['leader3', '孙明远', ['leader']],
    ],
  },
  {
    code: 'demo-zzb',
    name: '组织部',
    people: [
      ['zzb_head', '周海涛', ['department_head']],
      ['zzb_staff', '吴晓燕', ['handler', 'branch_secretary']],
    ],
  },
  {
    code: 'demo-xcb',
    name: '宣传部',
    people: [
      ['xcb_head', '郑春雨', ['department_head']],
      ['xcb_staff', '冯佳怡', ['handler', 'editor']],
      ['xcb_secretary', '何立新', ['branch_secretary']],
    ],
  },
  {
    code: 'demo-jd1',
    name: '第一监督检查室',
    people: [
      ['jd1_head', '马俊杰', ['department_head']],
      ['jd1_staff', '朱雅琴', ['handler']],
      ['jd1_secretary', '胡国强', ['branch_secretary', 'handler']],
    ],
  },
  {
    code: 'demo-jd2',
    name: '第二监督检查室',
    people: [
      ['jd2_head', '郭志勇', ['department_head']],
      ['jd2_staff', '林慧敏', ['handler']],
      ['jd2_secretary', '罗振华', ['branch_secretary']],
    ],
  },
  {
    code: 'demo-jd3',
    name: '第三监督检查室',
    people: [
      ['jd3_head', '梁文博', ['department_head']],
      ['jd3_staff', '宋晓丽', ['handler']],
    ],
  },
  {
    code: 'demo-jd4',
    name: '第四监督检查室',
    people: [
      ['jd4_head', '谢宏伟', ['department_head']],
      ['jd4_staff', '韩雪梅', ['handler']],
    ],
  },
  {
    code: 'demo-ajsl',
    name: '案件审理室',
    people: [
      ['ajsl_head', '唐国栋', ['department_head']],
      ['ajsl_staff', '许静怡', ['handler', 'branch_secretary']],
    ],
  },
  {
    code: 'demo-jgdw',
    name: '机关党委',
    people: [
      ['jgdw_head', '邓建华', ['department_head', 'branch_secretary']],
      ['jgdw_staff', '曹丽娟', ['handler']],
    ],
  },
  {
    code: 'demo-xxzx',
    name: '信息技术保障室',
    people: [
      ['xxzx_head', '彭德明', ['department_head']],
      ['xxzx_staff', '曾晓峰', ['handler']],
    ],
  },
  {
    code: 'demo-zlk',
    name: '资料编辑部',
    people: [
      ['editor1', '田思远', ['editor', 'department_head']],
      ['editor2', '董雨欣', ['editor']],
      ['member1', '袁志平', ['member']],
      ['member2', '蒋欣然', ['member']],
      ['member3', '蔡红梅', ['member']],
    ],
  },
];

/** The three separated administrators belong to the IT office but hold no business role. */
export const DEMO_ADMINS: [
  login: string,
  name: string,
  role: 'system_admin' | 'security_admin' | 'audit_admin',
][] = [
  ['sysadmin', '系统管理员（演示）', 'system_admin'],
  ['secadmin', '安全管理员（演示）', 'security_admin'],
  ['auditadmin', '审计管理员（演示）', 'audit_admin'],
];
