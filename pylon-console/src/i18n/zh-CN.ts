import type en from './en';

const zh: typeof en = {
  app: { name: 'Pylon', console: '运营管理平台', screen: '数据大屏', driver: 'Pylon 充电', language: '语言', logout: '退出' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', delete: '删除', search: '搜索', refresh: '刷新',
    actions: '操作', status: '状态', name: '名称', id: '编号', yes: '是', no: '否', all: '全部', total: '合计',
    from: '从', to: '至', send: '发送', close: '关闭', detail: '详情', loading: '加载中…', none: '无',
    saved: '已保存', failed: '失败', export: '导出 CSV', print: '打印', back: '返回', live: '实时', offline: '离线',
  },
  login: { title: '登录 Pylon', username: '用户名', password: '密码', submit: '登录', failed: '登录失败',
    operator: '运营商代码', phone: '手机号或邮箱' },
  nav: {
    dashboard: '概览', stations: '充电站', chargers: '充电桩', sessions: '实时充电', orders: '订单',
    tariffs: '电价', drivers: '用户', cards: '充电卡', coupons: '优惠券', reports: '报表', alarms: '告警',
    users: '账号与角色', audit: '审计日志', screen: '数据大屏',
  },
  status: {
    AVAILABLE: '空闲', PREPARING: '准备中', CHARGING: '充电中', SUSPENDED_EV: '暂停（车辆）',
    SUSPENDED_EVSE: '暂停（桩）', FINISHING: '结束中', RESERVED: '已预约', UNAVAILABLE: '不可用',
    FAULTED: '故障', OFFLINE: '离线', ONLINE: '在线',
  },
  band: { SHARP: '尖', PEAK: '峰', FLAT: '平', VALLEY: '谷' },
  dashboard: {
    todayEnergy: '今日电量（kWh）', todayRevenue: '今日收入', todaySessions: '今日充电次数',
    monthEnergy: '本月电量（kWh）', monthRevenue: '本月收入', activeSessions: '正在充电',
    byStatus: '充电枪状态', openAlarms: '未处理告警', trend: '近 24 小时电量（kWh）', topStations: '本月电站排行',
  },
  station: {
    address: '地址', latitude: '纬度', longitude: '经度', timeZone: '时区', tariff: '电价',
    new: '新建充电站', pickOnMap: '在地图上点击以选择位置', map: '地图', list: '列表', qrSheet: '二维码标签',
    assignTariff: '设置电价', openingHours: '营业时间',
  },
  charger: {
    online: '在线', registration: '注册状态', lastSeen: '最近通信', vendor: '厂商', model: '型号', firmware: '固件',
    station: '充电站', connectors: '充电枪', connector: '充电枪', history: '状态历史', config: '配置',
    commands: '远程指令', answer: '充电桩应答', events: '事件', new: '新建充电桩', key: '配置项', value: '值',
    readConfig: '读取配置', change: '修改', firmwareUpdate: '固件升级', location: '固件地址',
    remoteStart: '远程启动', remoteStop: '远程停止', idTag: '卡号 / 标识', transactionId: '交易号',
    reset: '重启', unlock: '解锁充电枪', availability: '设置可用性', trigger: '触发消息',
    clearCache: '清除缓存', localListVersion: '本地列表版本', diagnostics: '获取诊断', dataTransfer: '数据传输',
    count: '共 {n} 台充电桩', code: '枪编码', qr: '二维码', scanToCharge: '扫码充电', filterStatus: '枪状态',
  },
  session: { energy: '电量（kWh）', power: '功率（kW）', soc: '电量 SoC %', started: '开始时间', elapsed: '已充时长', none: '当前没有正在充电的会话', chart: '实时充电电量（kWh）' },
  order: {
    state: '状态', started: '开始', stopped: '结束', energy: '电量 kWh', payable: '应付', refunded: '已退款', bill: '分时段账单',
    band: '时段', electricityPrice: '电费单价', servicePrice: '服务费单价', electricity: '电费', service: '服务费',
    amount: '金额', refund: '退款', reason: '原因', idleFee: '占位费', sessionFee: '单次费用', discount: '优惠',
    totalCheck: '各时段合计与账单一致', driver: '用户',
  },
  tariff: {
    editor: '电价编辑', workday: '工作日时段', holiday: '节假日时段', prices: '每 kWh 价格', paintHint: '选择时段类型，然后在时间轴上拖动',
    preview: '费用预估', start: '开始', minutes: '分钟', powerKw: '功率 kW', version: '版本', sessionFee: '单次费用', newTariff: '新建电价',
    serverPreview: '服务器计费结果',
  },
  driver: {
    phone: '手机号', email: '邮箱', wallet: '钱包', topUp: '充值', amount: '金额', available: '可用', onHold: '冻结',
    vehicles: '车辆', plate: '车牌', vin: '车架号', cards: '充电卡', ledger: '流水', payout: '退款给用户', new: '新建用户',
    coupons: '优惠券', nearby: '附近', free: '空闲 {n}', priceNow: '当前 {price}/kWh', start: '开始充电', stop: '停止充电',
    code: '充电枪编码', scan: '扫码 / 输入编码', history: '充电记录', receipt: '收据', costSoFar: '当前费用', me: '我的',
    kmAway: '{km} 公里', bind: '绑定充电卡', logical: '卡面号', physical: '芯片号', claim: '领取', startRequested: '已发送启动指令',
  },
  coupon: { code: '编码', kind: '类型', value: '面值', validUntil: '有效期至', issued: '已发放', used: '已使用', new: '新建活动', end: '结束' },
  report: { from: '开始日期', to: '结束日期', period: '周期', revenue: '净收入', energy: '电量 kWh', sessions: '充电次数', utilisation: '利用率 %' },
  alarm: { raised: '发生时间', code: '故障码', acknowledge: '确认', clear: '清除', OPEN: '未处理', ACKNOWLEDGED: '已确认', CLEARED: '已清除', none: '没有未处理的告警' },
  user: { role: '角色', displayName: '显示名', enabled: '启用', new: '新建账号' },
  audit: { at: '时间', actor: '操作人', action: '操作', entity: '对象', detail: '详情' },
  screen: { title: 'Pylon 充电网络运营监控', month: '本月', today: '今日', ticker: '告警', live: '实时充电' },
};
export default zh;
