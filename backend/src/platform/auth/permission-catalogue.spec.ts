import { ALL_PERMISSIONS, BUILT_IN_ROLE_PERMISSIONS, PERMISSION_CATALOGUE } from '@depot/contracts';

describe('permission catalogue', () => {
  it('lists every permission exactly once, so the roles editor can grant each of them', () => {
    const listed = PERMISSION_CATALOGUE.flatMap((group) => group.permissions.map((entry) => entry.name));
    expect([...listed].sort()).toEqual([...ALL_PERMISSIONS].sort());
  });

  it('names permissions <module>.<resource>.<action> and grants built-in roles only known ones', () => {
    for (const permission of ALL_PERMISSIONS) expect(permission).toMatch(/^[a-z]+(\.[a-z-]+){1,2}$/);
    for (const granted of Object.values(BUILT_IN_ROLE_PERMISSIONS)) {
      for (const permission of granted) expect(ALL_PERMISSIONS).toContain(permission);
    }
  });
});
