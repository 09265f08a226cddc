import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { updateVersioned } from '../../../database/versioned-update';
import { AuditService } from '../../../platform/audit/audit.service';
import { notFound } from '../../../platform/http/api-error';
import { paginate, type Page } from '../../../platform/http/pagination';
import type { RequestContext } from '../../../platform/http/request-context';
import { escapeLike } from '../../../platform/http/sql';
import type { CreateSupplierDto, QuerySuppliersDto, SupplierContactInputDto, SupplierDto, UpdateSupplierDto } from './purchasing.dto';
import { supplierNameTaken } from './purchasing.errors';
import { Supplier, SupplierContact } from './purchasing.entities';

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

/** Suppliers with their contacts (供应商, LOG-3). */
@Injectable()
export class SuppliersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateSupplierDto, ctx: RequestContext): Promise<SupplierDto> {
    const id = await this.guard(() =>
      this.dataSource.transaction(async (manager) => {
        const supplier = manager.create(Supplier, { name: dto.name, address: dto.address ?? '', note: dto.note ?? '' });
        await manager.insert(Supplier, supplier);
        await this.replaceContacts(manager, supplier.id, dto.contacts ?? []);
        await this.audit.record(manager, ctx, {
          action: 'logistics.supplier.create',
          objectType: 'supplier',
          objectId: supplier.id,
          after: { name: dto.name },
        });
        return supplier.id;
      }),
    );
    return this.get(id);
  }

  async update(id: string, dto: UpdateSupplierDto, ctx: RequestContext): Promise<SupplierDto> {
    await this.guard(() =>
      this.dataSource.transaction(async (manager) => {
        const before = await manager.findOneBy(Supplier, { id });
        if (!before) throw notFound('supplier');
        await updateVersioned(
          manager,
          Supplier,
          id,
          dto.version,
          { name: dto.name, address: dto.address ?? before.address, note: dto.note ?? before.note, active: dto.active ?? before.active },
          'supplier',
        );
        if (dto.contacts) await this.replaceContacts(manager, id, dto.contacts);
        await this.audit.record(manager, ctx, {
          action: 'logistics.supplier.update',
          objectType: 'supplier',
          objectId: id,
          before: { name: before.name, active: before.active },
          after: { name: dto.name, active: dto.active ?? before.active },
        });
      }),
    );
    return this.get(id);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUniqueViolation(e)) throw supplierNameTaken();
      throw e;
    }
  }

  private async replaceContacts(manager: EntityManager, supplierId: string, contacts: SupplierContactInputDto[]): Promise<void> {
    await manager.delete(SupplierContact, { supplierId });
    if (contacts.length)
      await manager.insert(
        SupplierContact,
        contacts.map((c) => ({ supplierId, name: c.name, phone: c.phone ?? '', email: c.email ?? '', position: c.position ?? '' })),
      );
  }

  async list(query: QuerySuppliersDto): Promise<Page<SupplierDto>> {
    const qb = this.dataSource
      .getRepository(Supplier)
      .createQueryBuilder('s')
      .orderBy('s.active', 'DESC')
      .addOrderBy('s.name')
      .addOrderBy('s.id');
    if (query.q) qb.andWhere('s.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, (s) => s);
    const contacts = await this.contactsOf(page.items.map((s) => s.id));
    return { ...page, items: page.items.map((s) => toSupplierDto(s, contacts)) };
  }

  async get(id: string): Promise<SupplierDto> {
    const supplier = await this.dataSource.getRepository(Supplier).findOneBy({ id });
    if (!supplier) throw notFound('supplier');
    return toSupplierDto(supplier, await this.contactsOf([id]));
  }

  private contactsOf(ids: string[]): Promise<SupplierContact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SupplierContact)
      .createQueryBuilder('c')
      .where('c.supplier_id = ANY(:ids)', { ids })
      .orderBy('c.name')
      .addOrderBy('c.id')
      .getMany();
  }
}

function toSupplierDto(s: Supplier, contacts: SupplierContact[]): SupplierDto {
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    note: s.note,
    active: s.active,
    version: s.version,
    contacts: contacts
      .filter((c) => c.supplierId === s.id)
      .map((c) => ({ id: c.id, name: c.name, phone: c.phone, email: c.email, position: c.position })),
  };
}
