import { formatBpsAsPercent, parsePercentToBps } from './percent';

describe('percentages and basis points', () => {
  it('reads typed percentages as exact basis points', () => {
    expect(parsePercentToBps('19')).toBe(1900);
    expect(parsePercentToBps('12.5')).toBe(1250);
    expect(parsePercentToBps('7,25')).toBe(725);
    expect(parsePercentToBps(' 0.01 % ')).toBe(1);
    expect(parsePercentToBps('')).toBe(0);
    expect(parsePercentToBps('100')).toBe(10_000);
  });

  it('refuses negative, too precise and too large percentages', () => {
    expect(parsePercentToBps('-1')).toBeNull();
    expect(parsePercentToBps('1.234')).toBeNull();
    expect(parsePercentToBps('100.01')).toBeNull();
    expect(parsePercentToBps('ten')).toBeNull();
  });

  it('shows basis points as the shortest percentage', () => {
    expect(formatBpsAsPercent(1900)).toBe('19');
    expect(formatBpsAsPercent(1250)).toBe('12.5');
    expect(formatBpsAsPercent(725)).toBe('7.25');
    expect(formatBpsAsPercent(0)).toBe('0');
  });
});
