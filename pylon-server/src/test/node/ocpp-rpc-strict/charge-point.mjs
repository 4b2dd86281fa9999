// An OCPP 1.6J charge point built on ocpp-rpc (https://github.com/mikuso/ocpp-rpc) in strict mode:
// every CALL, CALLRESULT it sends or receives is checked against the official OCPP 1.6 JSON schemas.
// OcppRpcStrictIT runs it against a live Pylon; it also runs on its own:
//
//   node charge-point.mjs ws://127.0.0.1:9000/ocpp RPCJS-1 RPCJS-TAG-1
//
// (or OCPP_ENDPOINT, CP_IDENTITY, ID_TAG in the environment; TIMEOUT_MS bounds the whole run, 60 s).
//
// It boots, runs a full session, sends three deliberately invalid CALLs (strict mode switched off for
// them) expecting Pylon's CALLERRORs, then prints {"ready":true} and answers every CSMS→CP action of
// OCPP 1.6 until a line on stdin, stdin's end, SIGTERM/SIGINT or the timeout. Each step is one JSON
// line on stdout; raw frames go to stderr. The last line is {"done":true,"ok":...}; the exit code is
// 0 only when every step passed and no strict-mode validation failed.

import { setTimeout as sleep } from 'node:timers/promises';
import readline from 'node:readline';
import rpc from 'ocpp-rpc';

const { RPCClient, RPCError, RPCPropertyConstraintViolationError, RPCOccurenceConstraintViolationError,
    RPCNotImplementedError } = rpc;

const endpoint = process.argv[2] ?? process.env.OCPP_ENDPOINT;
const identity = process.argv[3] ?? process.env.CP_IDENTITY;
const idTag = process.argv[4] ?? process.env.ID_TAG;
const timeoutMs = Number(process.env.TIMEOUT_MS ?? 60_000);
if (!endpoint || !identity || !idTag) {
    process.stderr.write('usage: node charge-point.mjs <ws endpoint> <identity> <idTag>\n');
    process.exit(2);
}

// OCPP-J 1.6 §4.2.3: the only error codes a CALLERROR may carry.
const OCPP16_ERROR_CODES = new Set(['NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
    'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation', 'TypeConstraintViolation',
    'GenericError']);

const failures = [];
let expectedLocalRejection = null; // the method a strict-mode rejection is expected for, while probing

function emit(line) {
    process.stdout.write(JSON.stringify(line) + '\n');
}

function fail(step, message, extra = {}) {
    failures.push(`${step}: ${message}`);
    emit({ step, ok: false, error: message, ...extra });
}

function errorInfo(err) {
    return { name: err?.constructor?.name ?? typeof err, code: err?.rpcErrorCode, message: err?.message };
}

const cp = new RPCClient({
    endpoint,
    identity,
    protocols: ['ocpp1.6'],
    strictMode: true,
    reconnect: false,
    callTimeoutMs: 10_000,
});

let finishing = false;

cp.on('strictValidationFailure', ({ method, outbound, isCall, params, result, error }) => {
    const line = { step: 'strictValidationFailure', method, outbound, isCall, params, result, error: errorInfo(error),
        details: error?.details?.errors };
    if (expectedLocalRejection === method && outbound && isCall) {
        emit({ ...line, expected: true });
    } else {
        failures.push(`strict-mode validation of ${outbound ? 'outbound' : 'inbound'} ${method}${isCall ? '.req' : '.conf'}: ${error?.message}`);
        emit({ ...line, ok: false });
    }
});

cp.on('badMessage', ({ buffer, error }) => {
    fail('badMessage', error?.message ?? String(error), { frame: buffer?.toString('utf8') });
});

// Frame-level checks ocpp-rpc does not make itself: the shape of every frame from Pylon, the message id
// length (OCPP-J §4.1.4: at most 36 characters) and that a CALLERROR uses a 1.6 error code.
cp.on('message', ({ message, outbound }) => {
    const text = message.toString();
    process.stderr.write(`${outbound ? '>>' : '<<'} ${text}\n`);
    if (outbound) return;
    let frame;
    try {
        frame = JSON.parse(text);
    } catch (e) {
        return fail('frame', 'not JSON', { frame: text });
    }
    if (!Array.isArray(frame) || typeof frame[1] !== 'string') return fail('frame', 'not an OCPP-J frame', { frame: text });
    const [type, id] = frame;
    if (type === 2 && (frame.length !== 4 || id.length === 0 || id.length > 36 || typeof frame[2] !== 'string'
        || typeof frame[3] !== 'object' || frame[3] === null || Array.isArray(frame[3]))) {
        fail('frame', 'malformed CALL', { frame: text });
    } else if (type === 3 && (frame.length !== 3 || typeof frame[2] !== 'object' || frame[2] === null || Array.isArray(frame[2]))) {
        fail('frame', 'malformed CALLRESULT', { frame: text });
    } else if (type === 4 && (frame.length !== 5 || !OCPP16_ERROR_CODES.has(frame[2]) || typeof frame[3] !== 'string'
        || typeof frame[4] !== 'object' || frame[4] === null || Array.isArray(frame[4]))) {
        fail('frame', 'malformed CALLERROR or an error code OCPP 1.6 does not define', { frame: text });
    } else if (![2, 3, 4].includes(type)) {
        fail('frame', 'unknown message type', { frame: text });
    }
});

cp.on('close', ({ code, reason }) => {
    if (!finishing) fail('connection', `closed by the server: ${code} ${reason ?? ''}`);
});

// ---------------------------------------------------------------- charge point state

const meter = { wh: 1000 };
let transaction = null; // {id, connectorId}
let localListVersion = 0;
const reservations = new Set();
const profiles = new Map(); // chargingProfileId -> {connectorId, profile}
const config = new Map([
    ['HeartbeatInterval', { value: '60', readonly: false }],
    ['MeterValueSampleInterval', { value: '60', readonly: false }],
    ['MeterValuesSampledData', { value: 'Energy.Active.Import.Register,Power.Active.Import,SoC', readonly: false }],
    ['NumberOfConnectors', { value: '1', readonly: true }],
    ['LocalAuthListEnabled', { value: 'true', readonly: false }],
    ['ChargeProfileMaxStackLevel', { value: '5', readonly: true }],
]);
const background = new Set();

const now = () => new Date().toISOString();

/** One CP→CSMS call as a step: prints its line, returns the reply (or null after a failure). */
async function step(name, method, params, check = () => null, extra = () => ({})) {
    try {
        const reply = await cp.call(method, params);
        const problem = check(reply);
        if (problem) {
            fail(name, problem, { reply });
            return null;
        }
        emit({ step: name, ok: true, ...extra(reply), reply });
        return reply;
    } catch (err) {
        fail(name, `${method} failed`, { rpcError: errorInfo(err) });
        return null;
    }
}

/** Runs a CP→CSMS call once the current CALLRESULT has gone out (a charge point answers first, then acts). */
function afterReply(task) {
    const p = (async () => {
        await sleep(50);
        await task();
    })().catch(err => fail('afterReply', err?.message ?? String(err)));
    background.add(p);
    p.finally(() => background.delete(p));
}

const status = (connectorId, s, errorCode = 'NoError') => ({ connectorId, errorCode, status: s, timestamp: now() });
/** A StatusNotification as the step "<prefix>StatusNotification:<status>". */
const notify = (prefix, connectorId, s) => step(`${prefix}StatusNotification:${s}`, 'StatusNotification', status(connectorId, s));
const accepted = reply => reply?.idTagInfo?.status === 'Accepted' ? null : `idTagInfo.status is ${reply?.idTagInfo?.status}`;

function sample(value, measurand, unit, context = 'Sample.Periodic', location = undefined) {
    const s = { value: String(value), context, format: 'Raw', measurand, unit };
    if (location) s.location = location;
    return s;
}

function meterValue(timestamp, wh, watts, soc, context = 'Sample.Periodic') {
    return {
        timestamp,
        sampledValue: [
            sample(wh, 'Energy.Active.Import.Register', 'Wh', context, 'Outlet'),
            sample(watts, 'Power.Active.Import', 'W', context, 'Outlet'),
            sample(soc, 'SoC', 'Percent', context, 'EV'),
        ],
    };
}

async function startTransaction(name, connectorId, reservationId) {
    await notify(`${name}:`, connectorId, 'Preparing');
    const params = { connectorId, idTag, meterStart: meter.wh, timestamp: now() };
    if (reservationId != null) params.reservationId = reservationId;
    const reply = await step(name, 'StartTransaction', params, accepted, r => ({ transactionId: r.transactionId, meterStart: params.meterStart }));
    if (!reply) return null;
    transaction = { id: reply.transactionId, connectorId, meterStart: params.meterStart };
    await notify(`${name}:`, connectorId, 'Charging');
    return transaction;
}

async function stopTransaction(name, reason, transactionData) {
    const tx = transaction;
    const params = { transactionId: tx.id, idTag, meterStop: meter.wh, timestamp: now(), reason };
    if (transactionData) params.transactionData = transactionData;
    const reply = await step(name, 'StopTransaction', params,
        r => r.idTagInfo && r.idTagInfo.status !== 'Accepted' ? `idTagInfo.status is ${r.idTagInfo.status}` : null,
        () => ({ transactionId: tx.id, meterStart: tx.meterStart, meterStop: params.meterStop }));
    transaction = null;
    await notify(`${name}:`, tx.connectorId, 'Finishing');
    await notify(`${name}:`, tx.connectorId, 'Available');
    return reply;
}

// ---------------------------------------------------------------- CSMS → CP handlers

/** Registers a handler that prints the request and its answer, so the test can compare with Pylon's REST answer. */
function handle(action, answer) {
    cp.handle(action, async ({ params, messageId }) => {
        let reply;
        try {
            reply = await answer(params);
        } catch (err) {
            fail(`csms:${action}`, err?.message ?? String(err));
            throw err;
        }
        emit({ step: 'csms', action, messageId, request: params, reply });
        return reply;
    });
}

handle('RemoteStartTransaction', params => {
    if (transaction || params.idTag !== idTag) return { status: 'Rejected' };
    afterReply(() => startTransaction('RemoteStartTransaction:StartTransaction', params.connectorId ?? 1));
    return { status: 'Accepted' };
});

handle('RemoteStopTransaction', params => {
    if (!transaction || transaction.id !== params.transactionId) return { status: 'Rejected' };
    afterReply(async () => {
        meter.wh += 500;
        await stopTransaction('RemoteStopTransaction:StopTransaction', 'Remote');
    });
    return { status: 'Accepted' };
});

// A real charge point would reboot; this one refuses a hard reset during a transaction and otherwise only says so.
handle('Reset', params => ({ status: params.type === 'Hard' && transaction ? 'Rejected' : 'Accepted' }));

handle('UnlockConnector', params => ({ status: params.connectorId !== 1 ? 'NotSupported' : transaction ? 'UnlockFailed' : 'Unlocked' }));

handle('ChangeAvailability', params => {
    if (params.connectorId > 1) return { status: 'Rejected' };
    if (transaction) return { status: 'Scheduled' };
    afterReply(() => notify('ChangeAvailability:', params.connectorId, params.type === 'Operative' ? 'Available' : 'Unavailable'));
    return { status: 'Accepted' };
});

handle('GetConfiguration', params => {
    const wanted = params.key ?? [...config.keys()];
    const configurationKey = [];
    const unknownKey = [];
    for (const key of wanted) {
        const entry = config.get(key);
        if (entry) configurationKey.push({ key, readonly: entry.readonly, value: entry.value });
        else unknownKey.push(key);
    }
    const reply = { configurationKey };
    if (unknownKey.length) reply.unknownKey = unknownKey;
    return reply;
});

handle('ChangeConfiguration', params => {
    const entry = config.get(params.key);
    if (!entry) return { status: 'NotSupported' };
    if (entry.readonly) return { status: 'Rejected' };
    entry.value = params.value;
    return { status: params.key === 'HeartbeatInterval' ? 'RebootRequired' : 'Accepted' };
});

handle('ClearCache', () => ({ status: 'Accepted' }));

handle('TriggerMessage', params => {
    const connectorId = params.connectorId ?? 1;
    switch (params.requestedMessage) {
        case 'StatusNotification':
            afterReply(() => notify('TriggerMessage:', connectorId, transaction ? 'Charging' : 'Available'));
            return { status: 'Accepted' };
        case 'Heartbeat':
            afterReply(() => step('TriggerMessage:Heartbeat', 'Heartbeat', {}));
            return { status: 'Accepted' };
        case 'MeterValues':
            afterReply(() => step('TriggerMessage:MeterValues', 'MeterValues',
                { connectorId, meterValue: [meterValue(now(), meter.wh, 0, 80, 'Trigger')] }));
            return { status: 'Accepted' };
        default:
            return { status: 'NotImplemented' };
    }
});

handle('SendLocalList', params => {
    if (params.updateType === 'Differential' && params.listVersion <= localListVersion) return { status: 'VersionMismatch' };
    localListVersion = params.listVersion;
    return { status: 'Accepted' };
});

handle('GetLocalListVersion', () => ({ listVersion: localListVersion }));

handle('ReserveNow', params => {
    if (params.connectorId > 1) return { status: 'Rejected' };
    if (transaction) return { status: 'Occupied' };
    reservations.add(params.reservationId);
    return { status: 'Accepted' };
});

handle('CancelReservation', params => ({ status: reservations.delete(params.reservationId) ? 'Accepted' : 'Rejected' }));

handle('SetChargingProfile', params => {
    const p = params.csChargingProfiles;
    if (p.chargingProfilePurpose === 'TxProfile' && (!transaction || (p.transactionId != null && p.transactionId !== transaction.id))) {
        return { status: 'Rejected' };
    }
    profiles.set(p.chargingProfileId, { connectorId: params.connectorId, profile: p });
    return { status: 'Accepted' };
});

handle('ClearChargingProfile', params => {
    let cleared = 0;
    for (const [id, { connectorId, profile }] of profiles) {
        if ((params.id == null || params.id === id)
            && (params.connectorId == null || params.connectorId === connectorId)
            && (params.chargingProfilePurpose == null || params.chargingProfilePurpose === profile.chargingProfilePurpose)
            && (params.stackLevel == null || params.stackLevel === profile.stackLevel)) {
            profiles.delete(id);
            cleared++;
        }
    }
    return { status: cleared ? 'Accepted' : 'Unknown' };
});

handle('GetCompositeSchedule', params => {
    const candidates = [...profiles.values()].filter(p => p.connectorId === params.connectorId || p.connectorId === 0);
    if (!candidates.length) return { status: 'Rejected' };
    const top = candidates.sort((a, b) => b.profile.stackLevel - a.profile.stackLevel)[0].profile.chargingSchedule;
    const unit = params.chargingRateUnit ?? top.chargingRateUnit;
    if (unit !== top.chargingRateUnit) return { status: 'Rejected' };
    return {
        status: 'Accepted',
        connectorId: params.connectorId,
        scheduleStart: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString(),
        chargingSchedule: {
            duration: params.duration,
            chargingRateUnit: unit,
            chargingSchedulePeriod: top.chargingSchedulePeriod.map(({ startPeriod, limit, numberPhases }) =>
                numberPhases == null ? { startPeriod, limit } : { startPeriod, limit, numberPhases }),
        },
    };
});

handle('UpdateFirmware', () => {
    afterReply(() => step('UpdateFirmware:FirmwareStatusNotification', 'FirmwareStatusNotification', { status: 'Downloading' }));
    return {};
});

handle('GetDiagnostics', () => {
    const fileName = `diagnostics-${identity}.zip`;
    afterReply(() => step('GetDiagnostics:DiagnosticsStatusNotification', 'DiagnosticsStatusNotification', { status: 'Uploading' }));
    return { fileName };
});

handle('DataTransfer', params => {
    if (params.vendorId !== 'io.pylon.interop') return { status: 'UnknownVendorId' };
    if (params.messageId !== 'Echo') return { status: 'UnknownMessageId' };
    return { status: 'Accepted', data: `echo:${params.data ?? ''}` };
});

// ---------------------------------------------------------------- the charge point's own script

/** A CALL that breaks the schema: strict mode must refuse to send it, and Pylon must answer a CALLERROR. */
async function invalidCall(name, method, params, expectedClass, expectedCode) {
    expectedLocalRejection = method;
    try {
        await cp.call(method, params);
        fail(name, 'strict mode sent a CALL that breaks the schema');
        return;
    } catch (err) {
        if (!(err instanceof RPCError)) {
            fail(name, 'strict mode did not reject the CALL with an RPCError', { rpcError: errorInfo(err) });
            return;
        }
    } finally {
        expectedLocalRejection = null;
    }
    cp.reconfigure({ strictMode: false });
    try {
        const reply = await cp.call(method, params);
        fail(name, 'Pylon answered a CALLRESULT to an invalid CALL', { reply });
    } catch (err) {
        const info = errorInfo(err);
        if (err instanceof expectedClass && err.rpcErrorCode === expectedCode) {
            emit({ step: name, ok: true, rpcError: info, details: err.details });
        } else {
            fail(name, `expected ${expectedClass.name} (${expectedCode})`, { rpcError: info, details: err.details });
        }
    } finally {
        cp.reconfigure({ strictMode: true });
    }
}

async function script() {
    await cp.connect();
    if (cp.protocol !== 'ocpp1.6') {
        // without the subprotocol ocpp-rpc would not validate anything
        fail('connect', `server chose subprotocol ${JSON.stringify(cp.protocol)}, not ocpp1.6`);
        return;
    }
    emit({ step: 'connect', ok: true, protocol: cp.protocol });

    const boot = await step('BootNotification', 'BootNotification', {
        chargePointVendor: 'ocpp-rpc', chargePointModel: 'strict-js', chargePointSerialNumber: `${identity}-SN`,
        firmwareVersion: `ocpp-rpc/2.2.1 node/${process.versions.node}`,
    }, r => r.status === 'Accepted' ? null : `status is ${r.status}`, r => ({ interval: r.interval }));
    if (!boot) return;

    await notify('Connector0:', 0, 'Available');
    await notify('', 1, 'Available');
    await step('Authorize', 'Authorize', { idTag }, accepted);

    const tx = await startTransaction('StartTransaction', 1);
    if (!tx) return;
    const begin = Date.now() - 60_000;
    const samples = [[500, 7400, 41], [750, 11000, 45], [750, 11000, 50]];
    const sent = [];
    let t = begin;
    for (const [delta, watts, soc] of samples) {
        meter.wh += delta;
        t += 15_000;
        const mv = meterValue(new Date(t).toISOString(), meter.wh, watts, soc);
        sent.push(mv);
        await step('MeterValues', 'MeterValues', { connectorId: 1, transactionId: tx.id, meterValue: [mv] }, () => null,
            () => ({ transactionId: tx.id, meterValue: mv }));
    }
    meter.wh += 400;
    await stopTransaction('StopTransaction', 'Local', [
        meterValue(new Date(begin).toISOString(), tx.meterStart, 0, 40, 'Transaction.Begin'),
        meterValue(now(), meter.wh, 0, 52, 'Transaction.End'),
    ]);

    await step('Heartbeat', 'Heartbeat', {}, r => Number.isNaN(Date.parse(r.currentTime)) ? 'no currentTime' : null);
    await step('DataTransfer', 'DataTransfer', { vendorId: 'io.pylon.interop', messageId: 'Hello', data: identity });

    await invalidCall('InvalidCall:StatusNotification', 'StatusNotification',
        { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' },
        RPCPropertyConstraintViolationError, 'PropertyConstraintViolation');
    await invalidCall('InvalidCall:Authorize', 'Authorize', {},
        RPCOccurenceConstraintViolationError, 'OccurenceConstraintViolation');
    await invalidCall('InvalidCall:UnknownAction', 'SelfDestruct', { seconds: 10 },
        RPCNotImplementedError, 'NotImplemented');
}

// ---------------------------------------------------------------- run

let finishRequested;
const finishSignal = new Promise(resolve => { finishRequested = resolve; });
const rl = readline.createInterface({ input: process.stdin });
rl.on('line', () => finishRequested('stdin'));
rl.on('close', () => finishRequested('stdin closed'));
process.on('SIGTERM', () => finishRequested('SIGTERM'));
process.on('SIGINT', () => finishRequested('SIGINT'));
const timer = setTimeout(() => {
    fail('timeout', `no finish request within ${timeoutMs} ms`);
    finishRequested('timeout');
}, timeoutMs);

try {
    await script();
} catch (err) {
    fail('script', err?.message ?? String(err), { rpcError: errorInfo(err) });
}
emit({ ready: true, ok: failures.length === 0 });

const why = await finishSignal;
finishing = true;
await Promise.allSettled([...background]);
try {
    if (cp.state === RPCClient.OPEN) await cp.close({ code: 1000, reason: 'done', awaitPending: true });
} catch (err) {
    fail('close', err?.message ?? String(err));
}
clearTimeout(timer);
rl.close();
emit({ done: true, ok: failures.length === 0, finishedBy: why, failures });
process.exit(failures.length === 0 ? 0 : 1);
