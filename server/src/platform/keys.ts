import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Keys derived from one master secret kept in a file outside the database, so a stolen or
 * tampered database cannot forge audit checkpoints or read encrypted fields.
 */
export interface Keys {
  auditMac: Buffer;
  fieldEncryption: Buffer;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (label: string) => createHmac('sm3', master).update(label).digest();
  return {
    auditMac: derive('luoshi/audit-checkpoint'),
    fieldEncryption: derive('luoshi/field-encryption').subarray(0, 16),
  };
}

export function loadOrCreateKeys(file: string): Keys {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`密钥文件格式错误：${file}`);
  return deriveKeys(Buffer.from(hex, 'hex'));
}

/** SM4-CBC with a random IV, as "iv:ciphertext" in hex. */
export function encryptField(keys: Keys, plain: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.fieldEncryption, iv);
  return `${iv.toString('hex')}:${Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('hex')}`;
}

export function decryptField(keys: Keys, stored: string): string {
  const [ivHex, dataHex] = stored.split(':');
  if (!ivHex || !dataHex) throw new Error('加密字段格式错误');
  const decipher = createDecipheriv('sm4-cbc', keys.fieldEncryption, Buffer.from(ivHex, 'hex'));
  return Buffer.concat([decipher.update(Buffer.from(dataHex, 'hex')), decipher.final()]).toString('utf8');
}
